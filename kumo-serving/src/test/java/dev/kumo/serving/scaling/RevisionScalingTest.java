package dev.kumo.serving.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.codec.TypedCodec;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import dev.kumo.api.serving.autoscaling.ConfigAutoscaler;
import dev.kumo.autoscaler.metrics.LoadSample;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.ScalingSignals;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The decider wired to revisions: initial scale, scale-up on load, down to zero when idle, demand at zero. */
class RevisionScalingTest {

    private static final RevisionId HELLO = new RevisionId("default", "hello-00001");

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T10:00:00Z"));
    private final Map<RevisionId, Integer> ready = new ConcurrentHashMap<>();
    private final List<RevisionId> changed = new CopyOnWriteArrayList<>();
    private final ScalingSignals signals = new ScalingSignals();
    private final RevisionScaling scaling = new RevisionScaling(AutoscalerConfig.KNATIVE,
            id -> ready.getOrDefault(id, 0), id -> true, now::get, Duration.ofMillis(5), signals);

    /** The runtime, simulated: once a new count is decided, that many instances are ready. */
    RevisionScalingTest() {
        scaling.start();
        scaling.onChange(id -> {
            changed.add(id);
            ready.put(id, scaling.lastDecision(id).orElseThrow().desiredScale());
        });
    }

    @AfterEach
    void close() {
        scaling.close();
    }

    @Test
    void aNewRevisionStartsAtItsInitialScale() {
        assertThat(scaling.desired(revision(Map.of()))).isEqualTo(1);
        assertThat(scaling.desired(revision(Map.of("autoscaling.knative.dev/initial-scale", "3")))).isEqualTo(1);
        assertThat(scaling.desired(revision("hello-00002", Map.of("autoscaling.knative.dev/initial-scale", "3"))))
                .isEqualTo(3);
    }

    @Test
    void loadScalesUpAndIdlenessScalesToZero() {
        Revision revision = revision(Map.of("autoscaling.knative.dev/window", "6s",
                "autoscaling.knative.dev/target", "10", "autoscaling.knative.dev/target-utilization-percentage",
                "100"));
        scaling.desired(revision);
        ready.put(HELLO, 1);
        for (int second = 0; second < 6; second++) {
            scaling.record(HELLO, new LoadSample(now.get().getEpochSecond(), 50, 500));
            advance(Duration.ofSeconds(1));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> scaling.desired(revision) == 5);
        assertThat(changed).contains(HELLO);

        for (int second = 0; second < 120; second++) {
            scaling.record(HELLO, new LoadSample(now.get().getEpochSecond(), 0, 0));
            advance(Duration.ofSeconds(1));
            awaitTicks();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> scaling.desired(revision) == 0);
        assertThat(scaling.lastDecision(HELLO).orElseThrow().reason()).contains("zero");
    }

    @Test
    void demandAtZeroAsksForAnInstanceAtOnce() {
        Revision revision = revision(Map.of("autoscaling.knative.dev/initial-scale", "0"));
        RevisionScaling allowingZero = new RevisionScaling(allowZeroInitialScale(), id -> 0, id -> true, now::get,
                Duration.ofHours(1), new ScalingSignals());
        allowingZero.start();
        try {
            assertThat(allowingZero.desired(revision)).isZero();
            allowingZero.demand(HELLO);
            await().atMost(Duration.ofSeconds(5)).until(() -> allowingZero.desired(revision) == 1);
        } finally {
            allowingZero.close();
        }
    }

    @Test
    void demandAtZeroIsDecidedOnTheCallersThreadWhenNoOtherDecisionRuns() {
        Revision revision = revision(Map.of("autoscaling.knative.dev/initial-scale", "0"));
        RevisionScaling allowingZero = new RevisionScaling(allowZeroInitialScale(), id -> 0, id -> true, now::get,
                Duration.ofHours(1), new ScalingSignals());
        List<Thread> toldOn = new CopyOnWriteArrayList<>();
        allowingZero.onChange(changed -> toldOn.add(Thread.currentThread()));
        allowingZero.start();
        try {
            assertThat(allowingZero.desired(revision)).isZero();

            allowingZero.demand(HELLO);

            assertThat(allowingZero.lastDesired(HELLO)).as("decided before demand returned").isEqualTo(1);
            assertThat(toldOn).containsExactly(Thread.currentThread());
        } finally {
            allowingZero.close();
        }
    }

    @Test
    void theRoutersDemandAndLoadArriveThroughTheSignalsOnceStarted() {
        Revision revision = revision(Map.of("autoscaling.knative.dev/initial-scale", "0"));
        ScalingSignals shared = new ScalingSignals();
        RevisionScaling allowingZero = new RevisionScaling(allowZeroInitialScale(), id -> 0, id -> true, now::get,
                Duration.ofHours(1), shared);
        shared.demand(HELLO); // before start: nobody receives it yet
        allowingZero.start();
        try {
            assertThat(allowingZero.desired(revision)).isZero();
            shared.load(HELLO, new LoadSample(now.get().getEpochSecond(), 0, 0));
            shared.demand(HELLO);
            await().atMost(Duration.ofSeconds(5)).until(() -> allowingZero.desired(revision) == 1);
        } finally {
            allowingZero.close();
        }
    }

    @Test
    void everyDecisionTellsWhetherTheActivatorIsInThePathAndForgettingTakesItOut() {
        RevisionId zeroBurst = new RevisionId("default", "hello-00002");
        ready.put(HELLO, 1);
        ready.put(zeroBurst, 1);

        scaling.desired(revision(Map.of())); // target-burst-capacity 211: EBC = 1 - 211 < 0
        scaling.desired(revision("hello-00002", Map.of("autoscaling.knative.dev/target-burst-capacity", "0")));

        // A new revision's first decision can have the activator in the path (Knative's SKS also starts in proxy
        // mode); the 5 ms ticker settles it within a tick or two: wait for the settled values.
        await().atMost(Duration.ofSeconds(5))
                .until(() -> signals.activatorInPath(HELLO) && !signals.activatorInPath(zeroBurst)
                        && scaling.lastDecision(zeroBurst).filter(d -> !d.activatorInPath()).isPresent());
        assertThat(signals.activatorInPath(HELLO)).isTrue();
        // Decided out of the path, not merely never reported: the signals answer false for an unknown revision too.
        assertThat(scaling.lastDecision(zeroBurst)).hasValueSatisfying(d -> assertThat(d.activatorInPath()).isFalse());
        assertThat(signals.activatorInPath(zeroBurst)).isFalse();
        scaling.forget(HELLO);
        await().atMost(Duration.ofSeconds(5)).until(() -> !signals.activatorInPath(HELLO));
    }

    private void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }

    /** Lets the 5 ms ticker decide at least once at the current time. */
    private void awaitTicks() {
        int before = scaling.history(HELLO).size();
        Instant at = now.get();
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(5))
                .until(() -> scaling.lastDecision(HELLO)
                .map(d -> !d.at().isBefore(at)).orElse(false) || scaling.history(HELLO).size() > before + 1);
    }

    private static AutoscalerConfig allowZeroInitialScale() {
        return AutoscalerConfig.KNATIVE.with(ConfigAutoscaler.ALLOW_ZERO_INITIAL_SCALE, true);
    }

    private static Revision revision(Map<String, String> annotations) {
        return revision("hello-00001", annotations);
    }

    private static Revision revision(String name, Map<String, String> annotations) {
        ObjectNode tree = Json.mapper().valueToTree(Map.of("apiVersion", "serving.knative.dev/v1", "kind", "Revision",
                "metadata", Map.of("name", name, "namespace", "default", "annotations", annotations),
                "spec", Map.of("containerConcurrency", 0, "containers", List.of(Map.of("image", "x")))));
        return TypedCodec.decode(tree, Revision.class).value();
    }
}
