package dev.kumo.autoscaler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.serving.autoscaling.RevisionAutoscaling;
import dev.kumo.api.serving.autoscaling.ScalingMetric;
import dev.kumo.autoscaler.metrics.LoadSample;
import dev.kumo.autoscaler.metrics.RevisionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The facade driven like the router and the ticker drive it: samples every second, decisions every 2 s. */
class AutoscalerTest {

    private static final RevisionId REVISION = new RevisionId("default", "hello-00001");
    /** containerConcurrency 10 at 70%: target 7. */
    private static final RevisionAutoscaling CC10 = RevisionAutoscaling.builder().decider(d -> d.totalValue(10))
            .build();

    private final Autoscaler autoscaler = new Autoscaler();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    /** Records {@code seconds} seconds of load, one sample a second, the clock moving with them. */
    private void load(int seconds, double concurrency, long requests) {
        for (int i = 0; i < seconds; i++) {
            autoscaler.record(REVISION, new LoadSample(now.getEpochSecond(), concurrency, requests));
            now = now.plusSeconds(1);
        }
    }

    private ScaleDecision decide(RevisionAutoscaling settings, int ready) {
        return autoscaler.decide(REVISION, settings, ready, now);
    }

    /** Decides every 2 s without load until {@code seconds} have passed, returning every decision. */
    private List<ScaleDecision> idle(RevisionAutoscaling settings, int ready, int seconds) {
        List<ScaleDecision> decisions = new ArrayList<>();
        Instant end = now.plusSeconds(seconds);
        while (!now.isAfter(end)) {
            decisions.add(decide(settings, ready));
            now = now.plusSeconds(2);
        }
        return decisions;
    }

    private static ScaleDecision firstAtZero(List<ScaleDecision> decisions) {
        return decisions.stream().filter(d -> d.desiredScale() == 0).findFirst().orElseThrow();
    }

    @Test
    void steadyLoadGivesTheStableWant() {
        load(60, 4.3, 10);
        ScaleDecision decision = decide(CC10, 1);

        assertThat(decision.desiredScale()).isEqualTo(1);
        assertThat(decision.panicking()).isFalse();
        assertThat(decision.reason()).isEqualTo("stable: 4.3 avg concurrency / target 7 → 1");
    }

    @Test
    void aStepIntoPanicHoldsItsCountForAStableWindowThenScalesDownAtTheRate() {
        load(60, 7, 10);
        assertThat(decide(CC10, 1).desiredScale()).isEqualTo(1);

        load(6, 70, 100);
        ScaleDecision panic = decide(CC10, 1);
        assertThat(panic.panicking()).isTrue();
        assertThat(panic.desiredScale()).isEqualTo(10);
        assertThat(panic.reason()).isEqualTo("panic: 70 avg concurrency over 6s / target 7 → 10");

        for (int second = 2; second <= 60; second += 2) {
            load(2, 7, 10);
            ScaleDecision held = decide(CC10, 10);
            assertThat(held.desiredScale()).as("%ds after the panic began", second).isEqualTo(10);
            assertThat(held.panicking()).isTrue();
        }
        load(2, 7, 10);
        ScaleDecision calm = decide(CC10, 10);
        assertThat(calm.panicking()).isFalse();
        assertThat(calm.desiredScale()).isEqualTo(5);
        assertThat(calm.reason()).isEqualTo(
                "stable: 7 avg concurrency / target 7 → 5; limited by max-scale-down-rate 2 from 10 ready");
    }

    @Test
    void withTheActivatorInThePathAnIdleRevisionGoesToZeroRightAfterItsStableWindow() {
        RevisionAutoscaling defaults = RevisionAutoscaling.builder().build(); // TBC 211: EBC < 0, activator in the path
        List<ScaleDecision> decisions = idle(defaults, 1, 70);

        assertThat(decisions).allMatch(ScaleDecision::activatorInPath);
        assertThat(decisions.get(30).reason()).isEqualTo(
                "stable: 0 avg concurrency / target 70 → 0; idle for the stable window 60s, now inactive, keeping 1");
        ScaleDecision zero = firstAtZero(decisions);
        assertThat(Duration.between(decisions.getFirst().at(), zero.at())).hasSeconds(62);
        assertThat(zero.reason()).endsWith(
                "; scale to zero after 60s idle and the activator in the path for 62s (grace 30s)");
    }

    @Test
    void withoutTheActivatorInThePathTheLastInstanceWaitsForTheGracePeriod() {
        RevisionAutoscaling tbc0 = RevisionAutoscaling.builder().decider(d -> d.targetBurstCapacity(0)).build();
        List<ScaleDecision> decisions = idle(tbc0, 1, 100);

        assertThat(decisions.get(10).activatorInPath()).as("want 1 and EBC 0: serve directly").isFalse();
        ScaleDecision zero = firstAtZero(decisions);
        assertThat(Duration.between(decisions.getFirst().at(), zero.at())).hasSeconds(90);
        assertThat(zero.reason())
                .endsWith("; scale to zero after 60s idle and 30s inactive (grace 30s, retention 0s)");
    }

    @Test
    void retentionKeepsTheLastInstance() {
        RevisionAutoscaling retain = RevisionAutoscaling.builder()
                .scaleToZero(z -> z.podRetention(Duration.ofSeconds(120))).build();
        List<ScaleDecision> decisions = idle(retain, 1, 200);

        assertThat(decisions.get(31).reason())
                .endsWith("; inactive 2s, keeping 1 for scale-to-zero-pod-retention-period 120s");
        ScaleDecision zero = firstAtZero(decisions);
        assertThat(Duration.between(decisions.getFirst().at(), zero.at())).hasSeconds(180);
    }

    @Test
    void anUnreachableRevisionIgnoresRetention() {
        RevisionAutoscaling retain = RevisionAutoscaling.builder()
                .scaleToZero(z -> z.podRetention(Duration.ofSeconds(120))).reachable(false).build();
        ScaleDecision zero = firstAtZero(idle(retain, 1, 200));
        assertThat(zero.at()).isEqualTo(Instant.parse("2026-01-01T00:01:02Z"));
    }

    @Test
    void scaleToZeroDisabledKeepsOne() {
        RevisionAutoscaling noZero = RevisionAutoscaling.builder().scaleToZero(z -> z.enabled(false)).build();
        List<ScaleDecision> decisions = idle(noZero, 1, 200);

        assertThat(decisions).allMatch(d -> d.desiredScale() == 1);
        assertThat(decisions.getLast().reason()).endsWith("; scale to zero is disabled, keeping 1");
    }

    @Test
    void demandAtZeroWantsOneAtOnce() {
        RevisionAutoscaling defaults = RevisionAutoscaling.builder().build();
        idle(defaults, 1, 62);
        assertThat(decide(defaults, 0).desiredScale()).isZero();

        autoscaler.demand(REVISION);
        ScaleDecision woken = decide(defaults, 0);
        assertThat(woken.desiredScale()).isEqualTo(1);
        assertThat(woken.activatorInPath()).isTrue();
        assertThat(woken.reason()).isEqualTo("a request is waiting at zero → 1");

        load(2, 1, 1); // the router's samples now count the waiting request
        assertThat(decide(defaults, 0).desiredScale()).as("activating: the load keeps it at 1").isEqualTo(1);
        assertThat(decide(defaults, 1).desiredScale()).isEqualTo(1);
    }

    @Test
    void minScaleAndMaxScaleBoundTheWant() {
        RevisionAutoscaling min2 = CC10.toBuilder().bounds(b -> b.min(2)).build();
        ScaleDecision atMin = decide(min2, 0);
        assertThat(atMin.desiredScale()).isEqualTo(2);
        assertThat(atMin.reason()).endsWith("; raised to min-scale 2");

        autoscaler.forget(REVISION);
        load(60, 100, 100);
        ScaleDecision atMax = decide(CC10.toBuilder().bounds(b -> b.max(5)).build(), 1);
        assertThat(atMax.desiredScale()).isEqualTo(5);
        assertThat(atMax.reason()).endsWith("; bounded by max-scale 5");
    }

    @Test
    void rpsScalesOnRequestsPerSecond() {
        RevisionAutoscaling rps = RevisionAutoscaling.builder()
                .decider(d -> d.metric(ScalingMetric.RPS).totalValue(200)).build();
        decide(rps, 1);
        load(60, 0.5, 300);
        ScaleDecision decision = decide(rps, 2);

        assertThat(decision.desiredScale()).isEqualTo(3);
        assertThat(decision.reason()).isEqualTo("stable: 300 rps / target 140 → 3");
    }

    @Test
    void aNewRevisionKeepsItsInitialScaleUntilReachedOnce() {
        RevisionAutoscaling initial3 = RevisionAutoscaling.builder().bounds(b -> b.initial(3)).build();
        ScaleDecision first = decide(initial3, 0);
        assertThat(first.desiredScale()).isEqualTo(3);
        assertThat(first.reason()).endsWith("; raised to initial-scale 3 until reached once");
        now = now.plusSeconds(2);
        assertThat(decide(initial3, 2).desiredScale()).isEqualTo(3);
        now = now.plusSeconds(2);
        assertThat(decide(initial3, 3).desiredScale()).isEqualTo(3);
        now = now.plusSeconds(2);
        assertThat(decide(initial3, 3).desiredScale()).as("reached: the windows decide again").isEqualTo(1);
    }

    @Test
    void initialScaleZeroStartsAtZeroUntilDemand() {
        RevisionAutoscaling initial0 = RevisionAutoscaling.builder().bounds(b -> b.initial(0)).build();
        assertThat(idle(initial0, 0, 10)).allMatch(d -> d.desiredScale() == 0);

        autoscaler.demand(REVISION);
        assertThat(decide(initial0, 0).desiredScale()).isEqualTo(1);
    }

    @Test
    void keepsTheLastTenDecisionsAndForgets() {
        List<ScaleDecision> decisions = idle(CC10, 1, 30);

        assertThat(autoscaler.history(REVISION)).hasSize(RevisionScaler.HISTORY)
                .containsExactlyElementsOf(decisions.subList(decisions.size() - RevisionScaler.HISTORY,
                        decisions.size()));
        assertThat(autoscaler.lastDecision(REVISION)).contains(decisions.getLast());

        autoscaler.forget(REVISION);
        assertThat(autoscaler.history(REVISION)).isEmpty();
        assertThat(autoscaler.lastDecision(REVISION)).isEmpty();
    }
}
