package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Knative's autoscale-go sample with the inspector image: {@code autoscaling.knative.dev/target: "1"} and 5
 * concurrent slow requests scale the Revision out to 3 or more containers (each a pod of its own), and without
 * load it scales back to zero with every pod removed. Load is bounded in clients, requests and time.
 */
class ContainerAutoscaleIT {

    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final String REVISIONS = "/apis/serving.knative.dev/v1/namespaces/default/revisions";
    private static final String NAME = "ctrscale";
    private static final String REVISION = NAME + "-00001";
    private static final int CLIENTS = 5;
    private static final int REQUESTS_PER_CLIENT = 40;
    private static final Duration SCALE_OUT = Duration.ofSeconds(90);
    private static final Duration SCALE_IN = Duration.ofSeconds(90);

    @RegisterExtension
    static final ContainerServer KUMO = new ContainerServer("inspector");

    @Test
    void concurrentLoadScalesToThreeOrMoreContainersAndIdleBackToZero() throws Exception {
        TestApi api = KUMO.api();
        api.create(SERVICES, """
                {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"%s"},
                 "spec":{"template":{"metadata":{"annotations":{"autoscaling.knative.dev/target":"1",
                     "autoscaling.knative.dev/min-scale":"0","autoscaling.knative.dev/max-scale":"5",
                     "autoscaling.knative.dev/window":"6s"}},
                   "spec":{"containers":[{"image":"dev.local/kumo-samples/inspector",
                     "ports":[{"containerPort":8080}]}]}}}}""".formatted(NAME));
        api.awaitCondition(SERVICES + "/" + NAME, "Ready", "True");

        Ingress ingress = KUMO.ingress();
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        List<Future<?>> clients = new ArrayList<>();
        int peak;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    for (int i = 0; i < REQUESTS_PER_CLIENT && loading.get(); i++) {
                        if (ingress.get(NAME + ".default.localhost", "/sleep/1000").statusCode() == 200) {
                            served.incrementAndGet();
                        }
                    }
                }));
            }
            try {
                // Pods appear at creation; the Revision counts an instance once it is ready: wait for both.
                await("3+ ready containers under load").atMost(SCALE_OUT).until(() -> api.get(REVISIONS + "/"
                        + REVISION).at("/status/actualReplicas").asInt() >= 3);
                peak = KUMO.running().size();
            } finally {
                loading.set(false);
            }
            for (Future<?> client : clients) {
                client.get(1, TimeUnit.MINUTES);
            }
        }
        assertThat(peak).as("a running container per instance").isGreaterThanOrEqualTo(3);
        assertThat(served.get()).as("requests answered under load").isPositive();

        // At zero only the warm pool's pod for the next request may stay (at most one per Revision).
        await("back to zero, instance pods removed").atMost(SCALE_IN).until(() -> KUMO.running().isEmpty()
                && KUMO.pods().size() <= 1 && KUMO.warmPods().containsAll(KUMO.pods())
                && api.get(REVISIONS + "/" + REVISION).at("/status/actualReplicas").asInt(-1) == 0);
    }
}
