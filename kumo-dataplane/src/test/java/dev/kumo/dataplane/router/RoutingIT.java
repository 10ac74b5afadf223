package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.RouterHarness.revision;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RouteTable;
import dev.kumo.dataplane.api.WeightedTarget;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoutingIT {

    private static final RevisionId V1 = revision("hello-00001");
    private static final RevisionId V2 = revision("hello-00002");

    private RouterHarness h;

    @BeforeEach
    void start() {
        h = new RouterHarness();
        h.ready(V1, h.backend("v1"));
        h.ready(V2, h.backend("v2"));
        h.router.update(RouteTable.builder()
                .host("hello.default.localhost", List.of(new WeightedTarget(V1, 50), new WeightedTarget(V2, 50)))
                .host("v2-hello.default.localhost", V2)
                .host("one.default.localhost", V1)
                .build());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void routesByHostIgnoringCaseAndPort() {
        assertThat(h.client.get("one.default.localhost").backend()).isEqualTo("v1");
        assertThat(h.client.get("One.Default.LOCALHOST:8080").backend()).isEqualTo("v1");
    }

    @Test
    void unknownHostIs404SayingWhereToLookWithoutListingTheKnownHosts() {
        TestClient.Answer answer = h.client.get("nope.default.localhost");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo("no Kumo route for host \"nope.default.localhost\": no Service answers "
                + "to that name; 'kumo service list' shows the Services and their URLs\n");
        assertThat(answer.body()).doesNotContain("hello.default.localhost").doesNotContain("one.default");
    }

    @Test
    void fiftyFiftySplitGivesEachSideAtLeastAQuarter() {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            counts.merge(h.client.get("hello.default.localhost").backend(), 1, Integer::sum);
        }
        assertThat(counts.get("v1")).isGreaterThanOrEqualTo(50);
        assertThat(counts.get("v2")).isGreaterThanOrEqualTo(50);
    }

    @Test
    void tagHostGoesEntirelyToItsRevision() {
        for (int i = 0; i < 50; i++) {
            assertThat(h.client.get("v2-hello.default.localhost").backend()).isEqualTo("v2");
        }
    }

    @Test
    void routeTableUpdateTakesEffectWithoutRestart() {
        assertThat(h.client.get("one.default.localhost").backend()).isEqualTo("v1");

        h.router.update(RouteTable.builder().host("one.default.localhost", V2).host("two.default.localhost", V1)
                .build());

        assertThat(h.client.get("one.default.localhost").backend()).isEqualTo("v2");
        assertThat(h.client.get("two.default.localhost").backend()).isEqualTo("v1");
        assertThat(h.client.get("hello.default.localhost").status()).isEqualTo(404);
    }
}
