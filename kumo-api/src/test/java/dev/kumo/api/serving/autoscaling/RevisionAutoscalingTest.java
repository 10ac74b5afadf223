package dev.kumo.api.serving.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rows after Knative's pkg/reconciler/autoscaling/resources/target_test.go (TestResolveMetricTarget). */
class RevisionAutoscalingTest {

    private static final String K = "autoscaling.knative.dev/";
    private static final AutoscalerConfig DEFAULTS = AutoscalerConfig.KNATIVE;

    record Row(String name, Map<String, String> annotations, int containerConcurrency, double wantTotal,
            double wantUtilization) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("defaults", Map.of(), 0, 100, 0.7),
                new Row("container concurrency 10", Map.of(), 10, 10, 0.7),
                new Row("container concurrency 12, TU annotation 75%",
                        Map.of(K + "target-utilization-percentage", "75"), 12, 12, 0.75),
                new Row("target annotation 1", Map.of(K + "target", "1"), 0, 1, 0.7),
                new Row("container concurrency greater than target annotation (ok)", Map.of(K + "target", "1"), 10,
                        1, 0.7),
                new Row("target annotation greater than container concurrency (ignore annotation for safety)",
                        Map.of(K + "target", "15"), 1, 1, 0.7),
                new Row("rps: the default", Map.of(K + "metric", "rps"), 10, 200, 0.7),
                new Row("rps: the target annotation, not capped by container concurrency",
                        Map.of(K + "metric", "rps", K + "target", "150"), 10, 150, 0.7),
                new Row("old spelling", Map.of(K + "targetUtilizationPercentage", "50"), 0, 100, 0.5),
                new Row("a value that does not parse is the default", Map.of(K + "target", "many"), 0, 100, 0.7));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void resolvesTheTotalAndUtilization(Row row) {
        RevisionAutoscaling resolved = RevisionAutoscaling.resolve(row.annotations(), row.containerConcurrency(),
                DEFAULTS);

        assertThat(resolved.decider().totalValue()).isEqualTo(row.wantTotal());
        assertThat(resolved.decider().targetUtilization()).isEqualTo(row.wantUtilization());
    }

    @Test
    void withoutAnnotationsEverythingIsTheClusterDefault() {
        RevisionAutoscaling resolved = RevisionAutoscaling.resolve(Map.of(), 0, DEFAULTS);

        assertThat(resolved).isEqualTo(RevisionAutoscaling.builder().autoscalerClass(AutoscalingKeys.KPA)
                .decider(d -> d.metric(ScalingMetric.CONCURRENCY).totalValue(100).targetUtilization(0.7)
                        .targetBurstCapacity(211).stableWindow(Duration.ofSeconds(60)).panicWindowPercentage(10)
                        .panicThresholdPercentage(200).scaleDownDelay(Duration.ZERO).maxScaleUpRate(1000)
                        .maxScaleDownRate(2))
                .bounds(b -> b.min(0).max(0).initial(1).activation(1))
                .scaleToZero(z -> z.enabled(true).gracePeriod(Duration.ofSeconds(30)).podRetention(Duration.ZERO))
                .build());
    }

    @Test
    void annotationsOverrideTheirDefaults() {
        RevisionAutoscaling resolved = RevisionAutoscaling.resolve(Map.of(
                K + "class", AutoscalingKeys.KPA,
                K + "minScale", "2",
                K + "max-scale", "9",
                K + "initial-scale", "3",
                K + "activation-scale", "4",
                K + "target-burst-capacity", "-1",
                K + "window", "2m",
                K + "panic-window-percentage", "20",
                K + "panic-threshold-percentage", "300",
                K + "scale-down-delay", "15s"), 0, DEFAULTS);

        assertThat(resolved.bounds().min()).isEqualTo(2);
        assertThat(resolved.bounds().max()).isEqualTo(9);
        assertThat(resolved.bounds().initial()).isEqualTo(3);
        assertThat(resolved.bounds().activation()).isEqualTo(4);
        assertThat(resolved.decider().targetBurstCapacity()).isEqualTo(-1);
        assertThat(resolved.decider().stableWindow()).isEqualTo(Duration.ofMinutes(2));
        assertThat(resolved.decider().panicWindowPercentage()).isEqualTo(20);
        assertThat(resolved.decider().panicThresholdPercentage()).isEqualTo(300);
        assertThat(resolved.decider().scaleDownDelay()).isEqualTo(Duration.ofSeconds(15));
    }

    /** Knative's GetInitialScale: initial-scale 0 counts only where the cluster allows it. */
    @Test
    void initialScaleZeroNeedsTheClustersConsent() {
        Map<String, String> zero = Map.of(K + "initial-scale", "0");
        AutoscalerConfig allowing = AutoscalerConfig.KNATIVE.with(ConfigAutoscaler.ALLOW_ZERO_INITIAL_SCALE, true);

        assertThat(RevisionAutoscaling.resolve(zero, 0, DEFAULTS).bounds().initial()).isEqualTo(1);
        assertThat(RevisionAutoscaling.resolve(zero, 0, allowing).bounds().initial()).isZero();
    }

    @Test
    void retentionComesFromTheAnnotationOrTheCluster() {
        assertThat(RevisionAutoscaling.resolve(Map.of(K + "scale-to-zero-pod-retention-period", "1m30s"), 0,
                DEFAULTS).scaleToZero().podRetention()).isEqualTo(Duration.ofSeconds(90));
    }
}
