package dev.kumo.dataplane.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.dataplane.api.InMemoryEndpoints;
import dev.kumo.dataplane.api.InstanceAddress;
import dev.kumo.dataplane.api.RevisionId;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceSetTest {

    private static final RevisionId REV = new RevisionId("default", "hello-00001");
    private static final InstanceAddress A = new InstanceAddress("127.0.0.1", 1001);
    private static final InstanceAddress B = new InstanceAddress("127.0.0.1", 1002);

    private final InMemoryEndpoints endpoints = new InMemoryEndpoints();
    private final InstanceSet set = new InstanceSet(REV, endpoints);

    @Test
    void followsEndpointChangesAndKeepsTheStateOfInstancesThatStay() {
        endpoints.set(REV, List.of(A));
        Instance a = set.current()[0];
        a.acquire();
        a.eject(100);

        endpoints.set(REV, List.of(A, B));
        Instance[] both = set.current();

        assertThat(both).extracting(i -> i.address).containsExactly(A, B);
        assertThat(both[0]).isSameAs(a);
        assertThat(both[0].inFlight()).isEqualTo(1);
        assertThat(both[0].usable(50)).isFalse();

        endpoints.set(REV, List.of());
        assertThat(set.current()).isEmpty();
    }

    @Test
    void unchangedEndpointsGiveTheSameArray() {
        endpoints.set(REV, List.of(A, B));
        assertThat(set.current()).isSameAs(set.current());
    }

    @Test
    void ejectionEndsAtItsDeadlineOnTheInjectedClock() {
        Instance instance = new Instance(A);
        assertThat(instance.usable(0)).isTrue();

        instance.eject(1_000);

        assertThat(instance.usable(999)).isFalse();
        assertThat(instance.usable(1_000)).isTrue();
    }
}
