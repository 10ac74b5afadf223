package dev.kumo.api.serving;

import static dev.kumo.api.serving.ServingFixtures.SERVICE;
import static dev.kumo.api.serving.ServingFixtures.admit;
import static dev.kumo.api.serving.ServingFixtures.causes;
import static dev.kumo.api.serving.ServingFixtures.patched;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.testing.ValidationRow;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Autoscaling annotations on a template are checked against Knative's ranges, in both spellings. */
class AutoscalingAnnotationsTest {

    private static final String A = "spec.template.metadata.annotations";
    private static final String K = A + ".autoscaling.knative.dev/";

    static Stream<ValidationRow> rows() {
        return Stream.of(
                row("min-scale not negative", "{autoscaling.knative.dev/min-scale: '-1'}", K + "min-scale",
                        "Invalid value: \"-1\": expected 0 <= -1 <= 2147483647"),
                row("minScale is an integer", "{autoscaling.knative.dev/minScale: two}", K + "minScale",
                        "Invalid value: \"two\": want an integer"),
                row("max-scale not below min-scale", "{autoscaling.knative.dev/min-scale: '5', "
                        + "autoscaling.knative.dev/maxScale: '2'}", K + "maxScale",
                        "Invalid value: \"2\": max-scale=2 is less than min-scale=5"),
                row("one spelling per key", "{autoscaling.knative.dev/min-scale: '1', "
                        + "autoscaling.knative.dev/minScale: '1'}", A, "Forbidden: expected exactly one, got both: "
                        + "autoscaling.knative.dev/min-scale, autoscaling.knative.dev/minScale"),
                row("initial-scale 0 needs the cluster's consent", "{autoscaling.knative.dev/initial-scale: '0'}",
                        K + "initial-scale", "Invalid value: \"0\": initial-scale=0 not allowed by cluster"),
                row("activation-scale above 1", "{autoscaling.knative.dev/activation-scale: '1'}",
                        K + "activation-scale", "Invalid value: \"1\": activation-scale=1 must be greater than 1"),
                row("window at least 6s", "{autoscaling.knative.dev/window: 5s}", K + "window",
                        "Invalid value: \"5s\": expected 6s <= 5s <= 1h"),
                row("window at most 1h", "{autoscaling.knative.dev/window: 1h1s}", K + "window",
                        "Invalid value: \"1h1s\": expected 6s <= 1h1s <= 1h"),
                row("window in whole seconds", "{autoscaling.knative.dev/window: 6500ms}", K + "window",
                        "Invalid value: \"6500ms\": must be specified with at most second precision"),
                row("window is a duration", "{autoscaling.knative.dev/window: soon}", K + "window",
                        "Invalid value: \"soon\": want a duration such as 60s or 1m30s"),
                row("panic window 1-100%", "{autoscaling.knative.dev/panicWindowPercentage: '0.5'}",
                        K + "panicWindowPercentage", "Invalid value: \"0.5\": expected 1 <= 0.5 <= 100"),
                row("panic threshold 110-1000%", "{autoscaling.knative.dev/panic-threshold-percentage: '100'}",
                        K + "panic-threshold-percentage", "Invalid value: \"100\": expected 110 <= 100 <= 1000"),
                row("utilization 1-100%", "{autoscaling.knative.dev/target-utilization-percentage: '101'}",
                        K + "target-utilization-percentage", "Invalid value: \"101\": expected 1 <= 101 <= 100"),
                row("target at least 0.01", "{autoscaling.knative.dev/target: '0.001'}", K + "target",
                        "Invalid value: \"0.001\": target 0.001 should be at least 0.01"),
                row("burst capacity -1 or more", "{autoscaling.knative.dev/targetBurstCapacity: '-2'}",
                        K + "targetBurstCapacity", "Invalid value: \"-2\": want -1 (activator always in the path), "
                                + "0 or more"),
                row("scale-down-delay at most 1h", "{autoscaling.knative.dev/scale-down-delay: 2h}",
                        K + "scale-down-delay", "Invalid value: \"2h\": expected 0s <= 2h <= 1h"),
                row("retention not negative", "{autoscaling.knative.dev/scale-to-zero-pod-retention-period: -1s}",
                        K + "scale-to-zero-pod-retention-period", "Invalid value: \"-1s\": expected 0s <= -1s <= 1h"),
                row("KPA scales on concurrency or rps", "{autoscaling.knative.dev/metric: cpu}", K + "metric",
                        "Invalid value: \"cpu\": the kpa.autoscaling.knative.dev class scales on concurrency or "
                                + "rps; cpu and memory need class hpa.autoscaling.knative.dev"),
                row("known classes only inside knative.dev", "{autoscaling.knative.dev/class: x.knative.dev}",
                        K + "class", "Invalid value: \"x.knative.dev\": want kpa.autoscaling.knative.dev or "
                                + "hpa.autoscaling.knative.dev (or a class of your own outside .knative.dev)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void refusesWithTheFieldAndMessage(ValidationRow row) {
        assertThat(causes(patched(row.base(), row.patch()), Optional.empty()))
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(row.field(), row.message()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{autoscaling.knative.dev/class: hpa.autoscaling.knative.dev, autoscaling.knative.dev/metric: cpu}",
        "{autoscaling.knative.dev/class: hpa.autoscaling.knative.dev, autoscaling.knative.dev/metric: memory}",
        "{autoscaling.knative.dev/class: custom.example.com, autoscaling.knative.dev/metric: queue-depth}",
        "{autoscaling.knative.dev/metric: rps, autoscaling.knative.dev/target: '200'}",
        "{autoscaling.knative.dev/window: 1h, autoscaling.knative.dev/scale-down-delay: 0s}",
        "{autoscaling.knative.dev/min-scale: '3', autoscaling.knative.dev/max-scale: '0'}",
        "{autoscaling.knative.dev/scaleToZeroPodRetentionPeriod: 1500ms}"
    })
    void admitsValidAnnotations(String annotations) {
        assertThat(admit(patched(SERVICE, "spec: {template: {metadata: {annotations: " + annotations + "}}}"))
                .warnings()).isEmpty();
    }

    private static ValidationRow row(String name, String annotations, String field, String detail) {
        return new ValidationRow(name, SERVICE, "spec: {template: {metadata: {annotations: " + annotations + "}}}",
                field, field + ": " + detail);
    }
}
