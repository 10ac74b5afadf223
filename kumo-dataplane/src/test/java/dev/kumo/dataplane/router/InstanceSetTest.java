package dev.kumo.dataplane.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.dataplane.api.InMemoryEndpoints;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.runtime.spi.InstanceAddress;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceSetTest {

    private static final RevisionId REV = new RevisionId("default", "hello-00001");
    private static final InstanceAddress A = new InstanceAddress("127.0.0.1", 1001);
    private static final InstanceAddress B = new InstanceAddress("127.0.0.1", 1002);

    private final InMemoryEndpoints endpoints = new InMemoryEndpoints();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InstanceSet set = new InstanceSet(REV, endpoints, new InstanceMeters(registry, REV));

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
    void anInstanceLeavingTheEndpointsStillCountsWhatItTookUntilItIsIdle() {
        endpoints.set(REV, List.of(A, B));
        Instance a = set.current()[0];
        a.acquire();

        endpoints.set(REV, List.of(B));
        set.current();

        assertThat(set.inFlight(A)).as("draining: still one in flight").isEqualTo(1);
        a.release();
        assertThat(set.inFlight(A)).isZero();
        assertThat(set.inFlight(new InstanceAddress("127.0.0.1", 9))).isZero();
    }

    @Test
    void eachListedInstanceHasItsOwnMetersUntilItLeaves() {
        endpoints.set(REV, List.of(A, B));
        Instance a = set.current()[0];
        a.acquire();
        a.acquire();
        a.release();

        assertThat(registry.get(InstanceMeters.IN_FLIGHT).tag("instance", A.toString()).gauge().value())
                .isEqualTo(1);
        assertThat(registry.get(InstanceMeters.REQUESTS).tag("instance", A.toString()).functionCounter().count())
                .isEqualTo(2);

        endpoints.set(REV, List.of(B));
        set.current();
        assertThat(registry.find(InstanceMeters.IN_FLIGHT).tag("instance", A.toString()).gauge()).isNull();
        assertThat(registry.find(InstanceMeters.IN_FLIGHT).tag("instance", B.toString()).gauge()).isNotNull();
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
