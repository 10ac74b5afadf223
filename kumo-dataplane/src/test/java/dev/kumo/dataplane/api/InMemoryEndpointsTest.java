package dev.kumo.dataplane.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.runtime.spi.InstanceAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class InMemoryEndpointsTest {

    private static final RevisionId REV = new RevisionId("default", "hello-00001");
    private static final InstanceAddress A = new InstanceAddress("127.0.0.1", 1001);

    private final InMemoryEndpoints endpoints = new InMemoryEndpoints();
    private final List<RevisionId> changes = new CopyOnWriteArrayList<>();

    @Test
    void listenersHearOfRealChangesOnly() {
        Endpoints.Subscription subscription = endpoints.subscribe(changes::add);

        endpoints.set(REV, List.of(A));
        endpoints.set(REV, List.of(A));
        endpoints.set(REV, List.of());
        endpoints.set(REV, List.of());

        assertThat(changes).containsExactly(REV, REV);
        assertThat(endpoints.ready(REV)).isEmpty();

        subscription.close();
        endpoints.set(REV, List.of(A));
        assertThat(changes).hasSize(2);
    }

    @Test
    void anEndpointsWithoutNotificationsSubscribesToNothing() {
        Endpoints polled = revision -> List.of(A);

        polled.subscribe(changes::add).close();

        assertThat(changes).isEmpty();
    }
}
