package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.RouterHarness.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RouteTable;
import dev.kumo.dataplane.api.WeightedTarget;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A small, bounded load: 32 concurrent keep-alive clients, 4,000 requests over a 50/50 split of two revisions with
 * two instances each. It checks correctness under concurrency (every answer 200, weights and lease accounting
 * hold), not speed: the wrk benchmark measures that.
 */
class RouterLoadIT {

    private static final RevisionId V1 = revision("load-00001");
    private static final RevisionId V2 = revision("load-00002");
    private static final int CONCURRENCY = 32;
    private static final int REQUESTS = 4_000;

    @Test
    void boundedLoadIsAnsweredCompletelyAndEvenly() {
        try (RouterHarness h = new RouterHarness()) {
            Backend a1 = h.backend("a1");
            Backend a2 = h.backend("a2");
            Backend b1 = h.backend("b1");
            Backend b2 = h.backend("b2");
            h.ready(V1, a1, a2);
            h.ready(V2, b1, b2);
            h.router.update(RouteTable.builder().host("load.default.localhost",
                    List.of(new WeightedTarget(V1, 50), new WeightedTarget(V2, 50))).build());
            AtomicInteger started = new AtomicInteger();
            AtomicInteger ok = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();

            h.vertx.runOnContext(v -> {
                for (int i = 0; i < CONCURRENCY; i++) {
                    next(h, started, ok, failed);
                }
            });

            await().atMost(Duration.ofSeconds(60)).until(() -> ok.get() + failed.get() == REQUESTS);
            assertThat(failed.get()).isZero();
            int v1 = a1.requests.get() + a2.requests.get();
            assertThat(v1).isBetween(REQUESTS * 45 / 100, REQUESTS * 55 / 100);
            assertThat(List.of(a1, a2, b1, b2)).allSatisfy(b -> assertThat(b.requests.get()).isPositive());
        }
    }

    private static void next(RouterHarness h, AtomicInteger started, AtomicInteger ok, AtomicInteger failed) {
        if (started.incrementAndGet() > REQUESTS) {
            return;
        }
        h.client.send(h.client.options(HttpMethod.GET, "load.default.localhost", "/")).onComplete(answer -> {
            if (answer.succeeded() && answer.result().status() == 200) {
                ok.incrementAndGet();
            } else {
                failed.incrementAndGet();
            }
            next(h, started, ok, failed);
        });
    }
}
