package dev.kumo.server.conformance;

import static dev.kumo.server.conformance.Kumo.REVISIONS;
import static dev.kumo.server.conformance.Kumo.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The KPA end to end with short windows (stable 6 s, panic 10 % of it, decisions every 500 ms): scale to zero and
 * back through the activator, scale-out to the load over the target, max-scale and min-scale bounds, panic.
 */
class AutoscalingIT {

    @RegisterExtension
    static final Kumo kumo = Kumo.perClass(Kumo.shortWindows());

    @Test
    void anIdleServiceScalesToZeroAndARequestWakesIt() {
        kumo.create(SERVICES, Workloads.service("idle"));
        kumo.awaitReady("idle");

        JsonNode revision = await("idle-00001 at zero").atMost(Duration.ofSeconds(60))
                .until(() -> kumo.get(REVISIONS + "/idle-00001"), r -> r.at("/status/actualReplicas").asInt(-1) == 0
                        && r.at("/status/desiredReplicas").asInt(-1) == 0);
        JsonNode active = Kumo.condition(revision, "Active");
        assertThat(active.path("status").asText()).isEqualTo("False");
        assertThat(active.path("reason").asText()).isEqualTo("NoTraffic");
        assertThat(Kumo.condition(revision, "Ready").path("status").asText()).isEqualTo("True");

        HttpResponse<String> woken = kumo.call("idle", "/");
        assertThat(woken.statusCode()).as(woken.body()).isEqualTo(200);
        // The Revision's status follows the wake-up (its reconcile is held until just after the instance is Ready,
        // off the cold start's path: ColdStartQuiet), as Knative's follows the PodAutoscaler's: eventually.
        await("idle-00001's status after the wake-up").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(kumo.get(REVISIONS + "/idle-00001").at("/status/desiredReplicas").asInt())
                        .isGreaterThanOrEqualTo(1));
    }

    /**
     * 50 clients, each with one request of 500 ms at a time, against target 10 × utilization 100 %: Knative wants
     * ceil(50 / 10) = 5. The tolerance is 4–6: clients between two requests and the one-second bucket edges make the
     * observed concurrency 40–55 (docs/architecture.md, "Autoscaling wired in"). Sampled all through the load, the
     * desired and the running instances never pass max-scale 6.
     */
    @Test
    void fiftyClientsAtTargetTenGetFiveInstancesAndScalingInFailsNoRequest() throws Exception {
        ObjectNode service = Workloads.service("busy");
        annotate(service, Map.of("autoscaling.knative.dev/target", "10",
                "autoscaling.knative.dev/target-utilization-percentage", "100",
                "autoscaling.knative.dev/max-scale", "6"));
        kumo.create(SERVICES, service);
        kumo.awaitReady("busy");

        AtomicInteger highestDesired = new AtomicInteger();
        AtomicInteger highestRunning = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long fullLoadUntil = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long lightLoadUntil = fullLoadUntil + Duration.ofSeconds(15).toNanos();
        try (ExecutorService clients = Executors.newFixedThreadPool(50);
                ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor()) {
            sampler.scheduleWithFixedDelay(() -> {
                try {
                    highestDesired.accumulateAndGet(autoscaling("busy-00001").path("desiredScale").asInt(),
                            Math::max);
                    highestRunning.accumulateAndGet(kumo.get(REVISIONS + "/busy-00001")
                            .at("/status/actualReplicas").asInt(), Math::max);
                } catch (RuntimeException e) {
                    // a sample lost (the scaler not tracking the revision yet); the next one counts
                }
            }, 0, 250, TimeUnit.MILLISECONDS);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                // 45 clients stop after 20 s; 5 go on for 15 s more, while the revision scales in under them.
                long until = i < 5 ? lightLoadUntil : fullLoadUntil;
                running.add(clients.submit(() -> {
                    while (System.nanoTime() < until) {
                        HttpResponse<String> response = kumo.call("busy", "/?sleep=500");
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    }
                }));
            }
            await("busy running 4 or more instances").atMost(Duration.ofSeconds(30))
                    .until(() -> highestRunning.get() >= 4);
            await("busy scaled in under the light load").atMost(Duration.ofSeconds(40))
                    .until(() -> autoscaling("busy-00001").path("desiredScale").asInt() <= 2);
            for (Future<?> client : running) {
                client.get();
            }
            sampler.shutdown();
        }
        assertThat(highestDesired.get()).as("desired scale seen, never above max-scale 6").isBetween(4, 6);
        assertThat(highestRunning.get()).as("instances running, never above max-scale 6").isBetween(4, 6);
        assertThat(autoscaling("busy-00001").path("decisions").toString()).contains("concurrency");
        assertThat(failures.get()).as("failed requests while scaling out and in").isZero();
    }

    @Test
    void minScaleKeepsInstancesWhileIdle() {
        ObjectNode service = Workloads.service("kept");
        annotate(service, Map.of("autoscaling.knative.dev/min-scale", "2"));
        kumo.create(SERVICES, service);
        kumo.awaitReady("kept");

        await("two instances ready").atMost(Duration.ofSeconds(60))
                .until(() -> kumo.get(REVISIONS + "/kept-00001").at("/status/actualReplicas").asInt() == 2);
        await("still two after a stable window and the grace period").during(Duration.ofSeconds(10))
                .atMost(Duration.ofSeconds(15))
                .until(() -> kumo.get(REVISIONS + "/kept-00001").at("/status/desiredReplicas").asInt() == 2);
    }

    @Test
    void aBurstPanicsAndThePanicNeverScalesDown() throws Exception {
        ObjectNode service = Workloads.service("burst");
        annotate(service, Map.of("autoscaling.knative.dev/target", "2",
                "autoscaling.knative.dev/target-utilization-percentage", "100"));
        kumo.create(SERVICES, service);
        kumo.awaitReady("burst");

        // Keyed and ordered by their millisecond timestamps: decisions come every 500 ms.
        Map<Instant, JsonNode> decisions = new ConcurrentSkipListMap<>();
        // 20 clients with one 1 s request at a time until the panic is seen (at most 20 s): a load that lasts
        // rather than one round, so a decider tick that comes late on a loaded machine still sees it.
        AtomicBoolean panicSeen = new AtomicBoolean();
        List<String> failures = new CopyOnWriteArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try (ExecutorService clients = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 20; i++) {
                clients.submit(() -> {
                    while (!panicSeen.get() && System.nanoTime() < deadline) {
                        HttpResponse<String> response = kumo.call("burst", "/?sleep=1000");
                        if (response.statusCode() != 200) {
                            failures.add(response.statusCode() + " " + response.body());
                        }
                    }
                });
            }
            try {
                await("panic").atMost(Duration.ofSeconds(20)).until(() -> {
                    autoscaling("burst-00001").path("decisions")
                            .forEach(d -> decisions.put(Instant.parse(d.path("at").asText()), d));
                    return decisions.values().stream().anyMatch(d -> d.path("panicking").asBoolean());
                });
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("no panic within 20 s; decisions seen: " + decisions.values()
                        + "; failed requests: " + failures, e);
            } finally {
                panicSeen.set(true);
            }
        }
        assertThat(failures).as("failed requests of the burst").isEmpty();
        await("a stable window of decisions after the burst").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    autoscaling("burst-00001").path("decisions")
                            .forEach(d -> decisions.put(Instant.parse(d.path("at").asText()), d));
                    return decisions.size() >= 16;
                });
        int panicHighWater = 0;
        for (JsonNode decision : decisions.values()) {
            if (!decision.path("panicking").asBoolean()) {
                panicHighWater = 0; // a panic that ended; Knative resets its high-water mark with it
                continue;
            }
            assertThat(decision.path("desiredScale").asInt()).as("in panic: %s", decision)
                    .isGreaterThanOrEqualTo(panicHighWater);
            panicHighWater = decision.path("desiredScale").asInt();
        }
        assertThat(decisions.values()).as("decisions seen").anyMatch(d -> d.path("panicking").asBoolean());
    }

    /**
     * Issue #4: with containerConcurrency 1 and the default target-burst-capacity (211) the excess burst capacity is
     * negative, so the activator is in the path and holds what the instances cannot take yet: 40 concurrent slow
     * requests all succeed (before, the router queued only 10 and answered the rest 503).
     */
    @Test
    void containerConcurrencyOneWithTheActivatorInThePathFailsNoRequestOfABurst() throws Exception {
        ObjectNode service = Workloads.service("one");
        ((ObjectNode) Workloads.template(service).get("spec")).put("containerConcurrency", 1);
        // Bounded so that a loaded CI machine does not start ~60 instances; EBC stays negative all the same.
        annotate(service, Map.of("autoscaling.knative.dev/max-scale", "4"));
        kumo.create(SERVICES, service);
        kumo.awaitReady("one");

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(40)) {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(clients.submit(() -> kumo.call("one", "/?sleep=1000")));
            }
            for (Future<HttpResponse<String>> call : calls) {
                HttpResponse<String> response = call.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                statuses.add(response.statusCode());
            }
        }
        assertThat(statuses).hasSize(40);
        assertThat(autoscaling("one-00001").path("decisions")).as("decisions")
                .allMatch(d -> d.path("activatorInPath").asBoolean());
    }

    private static JsonNode autoscaling(String revision) {
        return kumo.get(REVISIONS + "/" + revision + "/autoscaling");
    }

    private static void annotate(ObjectNode service, Map<String, String> annotations) {
        ObjectNode target = Workloads.template(service).putObject("metadata").putObject("annotations");
        annotations.forEach(target::put);
    }
}
