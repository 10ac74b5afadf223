package dev.kumo.server.conformance;

import static dev.kumo.server.conformance.Kumo.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A rollout under steady load: a Service is updated twice and its traffic shifted 0 → 50 → 100 between two
 * Revisions through {@code spec.traffic} while four clients call it; not one request may fail.
 */
class RolloutIT {

    private static final int CLIENTS = 4;
    private static final int MAX_REQUESTS_PER_CLIENT = 5_000;
    private static final Duration LOAD_LIMIT = Duration.ofSeconds(90);
    /** Requests each phase must see complete under load before the next change. */
    private static final int REQUESTS_PER_PHASE = 250;

    @RegisterExtension
    static final Kumo kumo = Kumo.perClass();

    @Test
    void noRequestFailsWhileTheServiceIsUpdatedAndTrafficShifts() throws Exception {
        kumo.create(SERVICES, Workloads.env(Workloads.service("rollout"), "TARGET", "v1"));
        kumo.awaitReady("rollout");

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger completed = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Map<String, AtomicInteger> bodies = new ConcurrentHashMap<>();
        Instant deadline = Instant.now().plus(LOAD_LIMIT);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.execute(() -> {
                for (int i = 0; i < MAX_REQUESTS_PER_CLIENT && !stop.get() && Instant.now().isBefore(deadline); i++) {
                    try {
                        HttpResponse<String> response = kumo.call("rollout", "/?sleep=10");
                        if (response.statusCode() == 200) {
                            bodies.computeIfAbsent(response.body().strip(), b -> new AtomicInteger()).incrementAndGet();
                        } else {
                            failures.add(response.statusCode() + " " + response.body().strip());
                        }
                    } catch (RuntimeException e) {
                        failures.add(e.toString());
                    }
                    completed.incrementAndGet();
                }
            });
        }
        try {
            underLoad(completed, "v1 alone");

            // Update 1: a new template, all traffic kept on the first revision (0% to the new one).
            kumo.mergePatch(SERVICES + "/rollout", Kumo.object("""
                    {"spec":{"template":{"spec":{"containers":[{"command":["python3","-u"],"args":["echo.py"],
                    "workingDir":"%s","env":[{"name":"TARGET","value":"v2"}]}]}},
                    "traffic":[{"revisionName":"rollout-00001","percent":100},
                               {"revisionName":"rollout-00002","percent":0}]}}
                    """.formatted(Workloads.ECHO.getParent())));
            awaitTraffic("rollout-00001=100", "rollout-00002=0");
            underLoad(completed, "0% on v2");

            shift(50, 50);
            underLoad(completed, "50/50");
            shift(0, 100);
            underLoad(completed, "100% on v2");

            // Update 2: a third template, traffic following the latest ready revision.
            kumo.mergePatch(SERVICES + "/rollout", Kumo.object("""
                    {"spec":{"template":{"spec":{"containers":[{"command":["python3","-u"],"args":["echo.py"],
                    "workingDir":"%s","env":[{"name":"TARGET","value":"v3"}]}]}},
                    "traffic":[{"latestRevision":true,"percent":100}]}}
                    """.formatted(Workloads.ECHO.getParent())));
            awaitTraffic("rollout-00003=100");
            await("v3 answering").atMost(Kumo.SETTLE)
                    .until(() -> bodies.containsKey("Hello v3! (rollout-00003)"));
            underLoad(completed, "v3");
        } finally {
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).as("clients stopped").isTrue();
        }

        assertThat(failures).as("failed requests out of %d", completed.get()).isEmpty();
        assertThat(bodies.keySet()).containsExactlyInAnyOrder("Hello v1! (rollout-00001)",
                "Hello v2! (rollout-00002)", "Hello v3! (rollout-00003)");
        assertThat(completed.get()).isGreaterThanOrEqualTo(6 * REQUESTS_PER_PHASE);
    }

    private static void shift(int first, int second) {
        kumo.mergePatch(SERVICES + "/rollout", Kumo.object("""
                {"spec":{"traffic":[{"revisionName":"rollout-00001","percent":%d},
                                    {"revisionName":"rollout-00002","percent":%d}]}}""".formatted(first, second)));
        awaitTraffic("rollout-00001=" + first, "rollout-00002=" + second);
    }

    /** Waits until the Service is Ready with exactly these {@code revision=percent} targets in its status. */
    private static void awaitTraffic(String... targets) {
        await("traffic " + List.of(targets)).atMost(Kumo.SETTLE).until(() -> kumo.awaitReady("rollout"), service -> {
            List<String> actual = new java.util.ArrayList<>();
            for (JsonNode target : service.at("/status/traffic")) {
                actual.add(target.path("revisionName").asText() + "=" + target.path("percent").asInt());
            }
            return actual.size() == targets.length && actual.containsAll(List.of(targets));
        });
    }

    /** Lets the load run for {@link #REQUESTS_PER_PHASE} more requests in the current state. */
    private static void underLoad(AtomicInteger completed, String phase) {
        int mark = completed.get();
        await("load during " + phase).atMost(Duration.ofSeconds(30))
                .until(() -> completed.get() >= mark + REQUESTS_PER_PHASE);
    }
}
