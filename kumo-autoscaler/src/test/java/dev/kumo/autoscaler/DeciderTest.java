package dev.kumo.autoscaler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.serving.autoscaling.RevisionAutoscaling;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decider against the cases of Knative's pkg/autoscaler/scaling/autoscaler_test.go (case names cited), with
 * its fixture: target 10 (or as given) at 75% utilization, panic threshold 200%, scale rates 10, stable window 60s.
 */
class DeciderTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    /** Knative's newTestAutoscaler: total = target / 0.75. */
    static RevisionAutoscaling knative(double target, double tbc) {
        return RevisionAutoscaling.builder().decider(d -> d.totalValue(target / 0.75).targetUtilization(0.75)
                .targetBurstCapacity(tbc).panicThresholdPercentage(200).maxScaleUpRate(10).maxScaleDownRate(10)
                .stableWindow(Duration.ofSeconds(60))).build();
    }

    /** Knative's expectedEBC. */
    static int ebc(double target, double tbc, double panic, int ready) {
        return (int) Math.floor(target / 0.75 * ready - tbc - panic);
    }

    static LoadWindows.Observed observed(double stable, double panic) {
        return new LoadWindows.Observed(stable, panic);
    }

    record Row(String name, RevisionAutoscaling settings, double stable, double panic, int ready, Decider decider,
            int wantScale, int wantEbc) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Row row(String name, double target, double tbc, double stable, double panic, int ready, int wantScale,
            int wantEbc) {
        return new Row(name, knative(target, tbc), stable, panic, ready, new Decider(1, NOW), wantScale, wantEbc);
    }

    static Row row(String name, double target, double tbc, UnaryOperator<RevisionAutoscaling.Builder> change,
            double stable, double panic, int ready, int wantScale, int wantEbc) {
        return new Row(name, change.apply(knative(target, tbc).toBuilder()).build(), stable, panic, ready,
                new Decider(1, NOW), wantScale, wantEbc);
    }

    static Stream<Row> rows() {
        return Stream.of(
                row("AutoscalerNoDataAtZeroNoAutoscale", 10, 100, 0, 0, 1, 0, ebc(10, 100, 0, 1)),
                row("AutoscalerStableModeUnlimitedTBC (TBC -1 → EBC -1)", 181, -1, 21, 26, 1, 1, -1),
                row("Autoscaler0TBC (TBC 0 → EBC 0)", 10, 0, 50, 49, 1, 5, 0),
                row("AutoscalerStableModeNoChange", 10, 100, 50, 50, 1, 5, ebc(10, 100, 50, 1)),
                row("AutoscalerStableModeNoChangeAlreadyScaled", 10, 100, 50, 50, 5, 5, ebc(10, 100, 50, 5)),
                row("AutoscalerStableModeIncreaseWithSmallScaleUpRate", 1, 1982,
                        b -> b.decider(d -> d.maxScaleUpRate(1.1)), 3, 3.1, 2, 3, ebc(1, 1982, 3.1, 2)),
                row("AutoscalerStableModeDecreaseWithSmallScaleDownRate", 10, 1982,
                        b -> b.decider(d -> d.maxScaleDownRate(1.1)), 1, 1, 100, 90, ebc(10, 1982, 1, 100)),
                row("AutoscalerStableModeDecreaseNonReachable", 10, 1982,
                        b -> b.decider(d -> d.maxScaleDownRate(1.1)).reachable(false), 1, 1, 100, 1,
                        ebc(10, 1982, 1, 100)),
                row("AutoscalerPanicModeDoublePodCount", 10, 84, 50, 100, 1, 10, ebc(10, 84, 100, 1)),
                row("TestAutoscalerStableModeDecrease", 10, 98, 50, 50, 8, 5, ebc(10, 98, 50, 8)),
                row("TestAutoscalerRateLimitScaleUp", 10, 61, 1000, 1001, 1, 10, ebc(10, 61, 1001, 1)),
                row("TestAutoscalerRateLimitScaleDown", 10, 61, 1, 1, 100, 10, ebc(10, 61, 1, 100)),
                row("TestAutoscalerUseOnePodAsMinimumIfEndpointsNotFound", 10, 81, 1000, 888, 0, 10,
                        ebc(10, 81, 888, 0)),
                row("TestAutoscalerActivationScale (no load)", 10, 75, b -> b.bounds(s -> s.activation(2)), 0, 0, 1,
                        0, ebc(10, 75, 0, 1)),
                row("TestAutoscalerActivationScale (load)", 10, 75, b -> b.bounds(s -> s.activation(2)), 1, 0, 1,
                        2, ebc(10, 75, 0, 1)),
                new Row("AutoscalerPanicStableLargerThanPanic", knative(1, 100), 50, 30, 5,
                        new Decider(5, NOW.minusSeconds(5)), 50, ebc(1, 100, 30, 5)),
                new Row("AutoscalerPanicStableLessThanPanic", knative(1, 100), 20, 30, 5,
                        new Decider(5, NOW.minusSeconds(5)), 30, ebc(1, 100, 30, 5)),
                new Row("Knative defaults, TBC 211, one instance: EBC floor(100 - 211)",
                        RevisionAutoscaling.builder().build(), 0, 0, 1, new Decider(1, NOW), 0, -111),
                new Row("Knative defaults, TBC 211, three instances: EBC floor(300 - 211 - 50)",
                        RevisionAutoscaling.builder().build(), 50, 50, 3, new Decider(1, NOW), 1, 39));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void decides(Row row) {
        Decider.Want want = row.decider().decide(row.settings(), observed(row.stable(), row.panic()), row.ready(), NOW);

        assertThat(want.desired()).isEqualTo(row.wantScale());
        assertThat(want.excessBurstCapacity()).isEqualTo(row.wantEbc());
    }

    /** TestAutoscalerPanicThenUnPanicScaleDown: panic holds its high-water mark until a stable window passed. */
    @Test
    void panicNeverScalesDownAndEndsAfterAStableWindow() {
        RevisionAutoscaling settings = knative(10, 93);
        Decider decider = new Decider(1, NOW);
        assertThat(decider.decide(settings, observed(100, 100), 1, NOW).desired()).isEqualTo(10);

        Instant panicTime = NOW.plusSeconds(2);
        Decider.Want panic = decider.decide(settings, observed(100, 1000), 10, panicTime);
        assertThat(panic.desired()).isEqualTo(100);
        assertThat(panic.panicking()).isTrue();
        assertThat(panic.reason()).isEqualTo("panic: 1000 avg concurrency over 6s / target 10 → 100");

        Decider.Want held = decider.decide(settings, observed(1, 1), 10, panicTime.plusSeconds(30));
        assertThat(held.desired()).as("traffic dropped, still panicking").isEqualTo(100);
        assertThat(held.reason()).contains("holding 100 (no scale-down while panicking)");

        Decider.Want calm = decider.decide(settings, observed(1, 1), 10, panicTime.plusSeconds(61));
        assertThat(calm.desired()).isEqualTo(1);
        assertThat(calm.panicking()).isFalse();
        assertThat(calm.reason()).startsWith("stable: 1 avg concurrency / target 10 → 1");
    }

    /** TestAutoscalerUnpanicAfterSlowIncrease: panic time is not extended below the threshold. */
    @Test
    void unpanicsAfterASlowIncrease() {
        RevisionAutoscaling settings = knative(1, 98);
        Decider decider = new Decider(1, NOW);
        assertThat(decider.decide(settings, observed(11, 25), 10, NOW).desired()).isEqualTo(25);
        assertThat(decider.decide(settings, observed(30, 41), 40, NOW.plusSeconds(30)).desired()).isEqualTo(41);
        Decider.Want end = decider.decide(settings, observed(50, 56), 55, NOW.plusSeconds(62));
        assertThat(end.desired()).as("no longer in panic").isEqualTo(50);
        assertThat(end.excessBurstCapacity()).isEqualTo(ebc(1, 98, 56, 55));
    }

    /** TestAutoscalerExtendPanicWindow: still surging extends the panic. */
    @Test
    void surgingExtendsThePanic() {
        RevisionAutoscaling settings = knative(1, 98);
        Decider decider = new Decider(1, NOW);
        decider.decide(settings, observed(11, 25), 10, NOW);
        assertThat(decider.decide(settings, observed(30, 80), 40, NOW.plusSeconds(30)).desired()).isEqualTo(80);
        assertThat(decider.decide(settings, observed(30, 30), 80, NOW.plusSeconds(62)).panicking())
                .as("the panic was extended at 30s, so 62s is within its window").isTrue();
    }

    /** TestAutoscalerPanicModeExponentialTrackAndStabilize. */
    @Test
    void tracksAnExponentialRiseInPanic() {
        RevisionAutoscaling settings = knative(1, 101);
        Decider decider = new Decider(1, NOW);
        assertThat(decider.decide(settings, observed(6, 6), 1, NOW).desired()).isEqualTo(6);
        assertThat(decider.decide(settings, observed(36, 36), 6, NOW).desired()).isEqualTo(36);
        assertThat(decider.decide(settings, observed(216, 216), 36, NOW.plusSeconds(1)).desired()).isEqualTo(216);
        assertThat(decider.decide(settings, observed(1296, 1296), 216, NOW.plusSeconds(1)).desired())
                .isEqualTo(1296);
        assertThat(decider.decide(settings, observed(1296, 1296), 1296, NOW.plusSeconds(2)).desired())
                .isEqualTo(1296);
    }

    /** TestStartInPanicMode: a decider created over more than one ready instance keeps them until data comes. */
    @Test
    void startsInPanicOverMoreThanOneReadyInstance() {
        assertThat(new Decider(1, NOW).panicking()).isFalse();
        Decider decider = new Decider(3, NOW);
        assertThat(decider.panicking()).isTrue();
        assertThat(decider.decide(knative(10, 100), observed(0, 0), 3, NOW.plusSeconds(2)).desired()).isEqualTo(3);
    }

    /** TestAutoscalerScaleDownDelay ("simple" then "gradual"): the largest want over the delay is applied. */
    @Test
    void scaleDownDelayAppliesTheMaximumOverTheDelay() {
        RevisionAutoscaling settings = RevisionAutoscaling.builder().decider(d -> d.totalValue(10).targetUtilization(1)
                .targetBurstCapacity(0).maxScaleDownRate(10).maxScaleUpRate(10).panicThresholdPercentage(10_000)
                .scaleDownDelay(Duration.ofMinutes(5))).build();
        Instant zero = Instant.EPOCH;
        Decider decider = new Decider(0, zero);
        assertThat(decider.decide(settings, observed(40, 40), 0, zero.plusSeconds(2)).desired()).isEqualTo(4);
        Decider.Want held = decider.decide(settings, observed(0, 0), 0, zero.plus(Duration.ofMinutes(5)));
        assertThat(held.desired()).isEqualTo(4);
        assertThat(held.reason()).endsWith("; held at 4 by scale-down-delay 300s");
        assertThat(decider.decide(settings, observed(0, 0), 0, zero.plusSeconds(302)).desired()).isZero();

        assertThat(decider.decide(settings, observed(40, 40), 0, zero.plusSeconds(540)).desired()).isEqualTo(4);
        assertThat(decider.decide(settings, observed(30, 30), 0, zero.plusSeconds(600)).desired()).isEqualTo(4);
        assertThat(decider.decide(settings, observed(0, 0), 0, zero.plusSeconds(660)).desired()).isEqualTo(4);
        assertThat(decider.decide(settings, observed(0, 0), 0, zero.plusSeconds(840)).desired()).isEqualTo(3);
        assertThat(decider.decide(settings, observed(0, 0), 0, zero.plusSeconds(900)).desired()).isZero();
    }

    /** TestAutoscalerScaleDownDelayNotReachable: an unreachable revision does not wait. */
    @Test
    void scaleDownDelayIsIgnoredWhenUnreachable() {
        RevisionAutoscaling settings = RevisionAutoscaling.builder().decider(d -> d.totalValue(10).targetUtilization(1)
                .targetBurstCapacity(0).maxScaleDownRate(10).maxScaleUpRate(10).panicThresholdPercentage(10_000)
                .scaleDownDelay(Duration.ofMinutes(5))).build();
        Decider decider = new Decider(0, Instant.EPOCH);
        assertThat(decider.decide(settings, observed(40, 40), 0, Instant.EPOCH.plusSeconds(2)).desired()).isEqualTo(4);
        assertThat(decider.decide(settings, observed(0, 0), 0, Instant.EPOCH.plusSeconds(60)).desired()).isEqualTo(4);
        RevisionAutoscaling unreachable = settings.toBuilder().reachable(false).build();
        assertThat(decider.decide(unreachable, observed(0, 0), 0, Instant.EPOCH.plusSeconds(62)).desired()).isZero();
    }

    @Test
    void reasonNamesTheRateLimit() {
        Decider.Want want = new Decider(1, NOW).decide(knative(10, 61), observed(1000, 1001), 1, NOW);
        assertThat(want.reason()).isEqualTo("panic: 1001 avg concurrency over 6s / target 10 → 10; "
                + "limited by max-scale-up-rate 10 from 1 ready");
    }
}
