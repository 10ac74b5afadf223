package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.RouterHarness.revision;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RouteTable;
import dev.kumo.runtime.spi.InstanceAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EndpointsIT {

    private static final RevisionId V1 = revision("hello-00001");
    private static final String HOST = "hello.default.localhost";

    private RouterHarness h;

    @BeforeEach
    void start() {
        h = new RouterHarness();
        h.router.update(RouteTable.builder().host(HOST, V1).build());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void noReadyInstanceWithHoldingTurnedOffIs503() {
        try (RouterHarness off = new RouterHarness(RouterHarness.CONFIG.withMaxHeldPerRevision(0))) {
            off.router.update(RouteTable.builder().host(HOST, V1).build());

            TestClient.Answer answer = off.client.get(HOST);

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.body()).isEqualTo("revision default/hello-00001 has no ready instance and 0 requests "
                    + "are already held for it (the router's maxHeldPerRevision)\n");
        }
    }

    @Test
    void endpointChangesTakeEffectWithoutRestart() {
        Backend a = h.backend("a");
        Backend b = h.backend("b");
        h.ready(V1, a, b);
        assertThat(backendsOf(20)).containsExactlyInAnyOrder("a", "b");

        h.ready(V1, b);
        assertThat(backendsOf(20)).containsExactly("b");

        h.ready(V1, a);
        assertThat(backendsOf(20)).containsExactly("a");
    }

    @Test
    void unreachableInstanceIsTakenOutOfRotationAndTheRequestRetried() {
        Backend gone = h.backend("gone");
        InstanceAddress goneAddress = gone.address();
        gone.close();
        Backend live = h.backend("live");
        h.endpoints.set(V1, List.of(goneAddress, live.address()));

        assertThat(backendsOf(20)).containsExactly("live");
        assertThat(live.requests.get()).isEqualTo(20);
    }

    @Test
    void onlyUnreachableInstancesIs503NamingThem() {
        Backend gone = h.backend("gone");
        InstanceAddress goneAddress = gone.address();
        gone.close();
        h.endpoints.set(V1, List.of(goneAddress));

        TestClient.Answer answer = h.client.get(HOST);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body()).contains("out of rotation");
    }

    @Test
    void instanceFailingAfterTheRequestWasSentIs502() {
        Backend broken = h.backend("broken").behave(request -> request.connection().close());
        h.ready(V1, broken);

        TestClient.Answer answer = h.client.get(HOST);

        assertThat(answer.status()).isEqualTo(502);
        assertThat(broken.requests.get()).isEqualTo(1);
    }

    private Set<String> backendsOf(int requests) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requests; i++) {
            TestClient.Answer answer = h.client.get(HOST);
            assertThat(answer.status()).isEqualTo(200);
            seen.add(answer.backend());
        }
        return seen;
    }
}
