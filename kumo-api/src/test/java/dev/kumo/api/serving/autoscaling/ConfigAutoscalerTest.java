package dev.kumo.api.serving.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The config-autoscaler key table, one row per key: Knative's default, a value out of bounds refused with the key,
 * the value and the fix, and the annotation that overrides the key for one Revision.
 */
class ConfigAutoscalerTest {

    private static final String K = "autoscaling.knative.dev/";

    /** How a Revision's annotation overrides the key: the annotations, where the result shows, and its value. */
    record AnnotationOverride(Map<String, String> annotations, Function<RevisionAutoscaling, Object> read,
            Object want) {
    }

    record Row(ConfigKey<?> key, Object wantDefault, String outOfBounds, String wantFix,
            Optional<AnnotationOverride> override) {
        @Override
        public String toString() {
            return key.name();
        }
    }

    static Row row(ConfigKey<?> key, Object wantDefault, String outOfBounds, String wantFix) {
        return new Row(key, wantDefault, outOfBounds, wantFix, Optional.empty());
    }

    static Row row(ConfigKey<?> key, Object wantDefault, String outOfBounds, String wantFix,
            Map<String, String> annotations, Function<RevisionAutoscaling, Object> read, Object want) {
        return new Row(key, wantDefault, outOfBounds, wantFix,
                Optional.of(new AnnotationOverride(annotations, read, want)));
    }

    static Stream<Row> rows() {
        return Stream.of(
                row(ConfigAutoscaler.POD_AUTOSCALER_CLASS, "kpa.autoscaling.knative.dev", "hpa.autoscaling.knative.dev",
                        "kpa.autoscaling.knative.dev (Kumo runs the KPA only)",
                        Map.of(K + "class", "example.com/scaler"), RevisionAutoscaling::autoscalerClass,
                        "example.com/scaler"),
                row(ConfigAutoscaler.ENABLE_SCALE_TO_ZERO, true, "yes", "true or false"),
                row(ConfigAutoscaler.ALLOW_ZERO_INITIAL_SCALE, false, "1", "true or false"),
                row(ConfigAutoscaler.INITIAL_SCALE, 1, "-1", "0 or more",
                        Map.of(K + "initial-scale", "3"), r -> r.bounds().initial(), 3),
                row(ConfigAutoscaler.MIN_SCALE, 0, "-2", "0 or more",
                        Map.of(K + "minScale", "2"), r -> r.bounds().min(), 2),
                row(ConfigAutoscaler.MAX_SCALE, 0, "-1", "0 (unlimited) or more",
                        Map.of(K + "max-scale", "9"), r -> r.bounds().max(), 9),
                row(ConfigAutoscaler.MAX_SCALE_LIMIT, 0, "-1", "0 (no limit) or more"),
                row(ConfigAutoscaler.CONTAINER_CONCURRENCY_TARGET_DEFAULT, 100.0, "0.001", "at least 0.01",
                        Map.of(K + "target", "50"), r -> r.decider().totalValue(), 50.0),
                row(ConfigAutoscaler.REQUESTS_PER_SECOND_TARGET_DEFAULT, 200.0, "0", "at least 0.01",
                        Map.of(K + "metric", "rps", K + "target", "150"), r -> r.decider().totalValue(), 150.0),
                row(ConfigAutoscaler.CONTAINER_CONCURRENCY_TARGET_PERCENTAGE, 70.0, "101", "1 to 100",
                        Map.of(K + "target-utilization-percentage", "50"), r -> r.decider().targetUtilization(), 0.5),
                row(ConfigAutoscaler.TARGET_BURST_CAPACITY, 211.0, "-2", "-1 (activator always in the path), 0 or more",
                        Map.of(K + "target-burst-capacity", "-1"), r -> r.decider().targetBurstCapacity(), -1.0),
                row(ConfigAutoscaler.STABLE_WINDOW, Duration.ofSeconds(60), "3s", "whole seconds from 6s to 1h",
                        Map.of(K + "window", "2m"), r -> r.decider().stableWindow(), Duration.ofMinutes(2)),
                row(ConfigAutoscaler.PANIC_WINDOW_PERCENTAGE, 10.0, "0.5", "1 to 100",
                        Map.of(K + "panic-window-percentage", "20"), r -> r.decider().panicWindowPercentage(), 20.0),
                row(ConfigAutoscaler.PANIC_THRESHOLD_PERCENTAGE, 200.0, "105", "110 to 1000",
                        Map.of(K + "panicThresholdPercentage", "300"), r -> r.decider().panicThresholdPercentage(),
                        300.0),
                row(ConfigAutoscaler.MAX_SCALE_UP_RATE, 1000.0, "1", "more than 1"),
                row(ConfigAutoscaler.MAX_SCALE_DOWN_RATE, 2.0, "0.5", "more than 1"),
                row(ConfigAutoscaler.SCALE_TO_ZERO_GRACE_PERIOD, Duration.ofSeconds(30), "0s",
                        "a positive duration such as 30s"),
                row(ConfigAutoscaler.SCALE_TO_ZERO_POD_RETENTION_PERIOD, Duration.ZERO, "2h", "0s to 1h",
                        Map.of(K + "scale-to-zero-pod-retention-period", "1m30s"),
                        r -> r.scaleToZero().podRetention(), Duration.ofSeconds(90)),
                row(ConfigAutoscaler.SCALE_DOWN_DELAY, Duration.ZERO, "1.5s", "whole seconds from 0s to 1h",
                        Map.of(K + "scale-down-delay", "15s"), r -> r.decider().scaleDownDelay(),
                        Duration.ofSeconds(15)),
                row(ConfigAutoscaler.TICK_INTERVAL, Duration.ofSeconds(2), "0s", "a positive duration such as 2s"));
    }

    @Test
    void everyKeyHasARow() {
        assertThat(rows().map(Row::key).toList()).containsExactlyElementsOf(ConfigAutoscaler.ALL);
    }

    @ParameterizedTest
    @MethodSource("rows")
    void withoutTheKeyItsKnativeDefaultHolds(Row row) {
        assertThat(row.key().defaultValue()).isEqualTo(row.wantDefault());
        assertThat(AutoscalerConfig.parse(Map.of()).get(row.key())).isEqualTo(row.wantDefault());
        assertThat(AutoscalerConfig.KNATIVE.get(row.key())).isEqualTo(row.wantDefault());
    }

    @ParameterizedTest
    @MethodSource("rows")
    void aValueOutOfBoundsIsRefusedWithTheKeyTheValueAndTheFix(Row row) {
        assertThatThrownBy(() -> AutoscalerConfig.parse(Map.of(row.key().name(), row.outOfBounds())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("autoscaler." + row.key().name() + ": invalid value \"" + row.outOfBounds() + "\": want "
                        + row.wantFix());
    }

    @ParameterizedTest
    @MethodSource("rows")
    void aValueThatDoesNotParseIsRefusedWithWhatIsWanted(Row row) {
        if (row.key().type() == ValueType.TEXT) {
            assertThat(ValueType.TEXT.parse("any text")).contains("any text");
            return;
        }
        assertThatThrownBy(() -> AutoscalerConfig.parse(Map.of(row.key().name(), "many")))
                .hasMessage("autoscaler." + row.key().name() + ": invalid value \"many\": want "
                        + row.key().type().want());
    }

    @ParameterizedTest
    @MethodSource("rows")
    void itsAnnotationOverridesItForOneRevision(Row row) {
        if (row.override().isEmpty()) {
            assertThat(row.key().annotation()).as("a key without an override row has no annotation").isEmpty();
            return;
        }
        AnnotationOverride override = row.override().orElseThrow();
        assertThat(row.key().annotation()).isPresent();

        RevisionAutoscaling annotated = RevisionAutoscaling.resolve(override.annotations(), 0,
                AutoscalerConfig.KNATIVE);
        RevisionAutoscaling plain = RevisionAutoscaling.resolve(Map.of(), 0, AutoscalerConfig.KNATIVE);

        assertThat(override.read().apply(annotated)).isEqualTo(override.want());
        assertThat(override.read().apply(plain)).isNotEqualTo(override.want());
    }

    @Test
    void theConfigFileSetsWhatARevisionWithoutTheAnnotationGets() {
        AutoscalerConfig config = AutoscalerConfig.parse(Map.of("stable-window", "30s", "min-scale", "2",
                "container-concurrency-target-percentage", "80", "scale-to-zero-grace-period", "10s",
                "max-scale-up-rate", "10"));

        RevisionAutoscaling plain = RevisionAutoscaling.resolve(Map.of(), 0, config);
        RevisionAutoscaling annotated = RevisionAutoscaling.resolve(Map.of(K + "window", "90s"), 0, config);

        assertThat(plain.decider().stableWindow()).isEqualTo(Duration.ofSeconds(30));
        assertThat(plain.bounds().min()).isEqualTo(2);
        assertThat(plain.decider().targetUtilization()).isEqualTo(0.8);
        assertThat(plain.scaleToZero().gracePeriod()).isEqualTo(Duration.ofSeconds(10));
        assertThat(plain.decider().maxScaleUpRate()).isEqualTo(10);
        assertThat(annotated.decider().stableWindow()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void anUnknownKeyIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> AutoscalerConfig.parse(Map.of("stable-windw", "30s")))
                .hasMessageStartingWith("autoscaler.stable-windw: unknown key; known keys: allow-zero-initial-scale, "
                        + "container-concurrency-target-default, ")
                .hasMessageContaining("stable-window")
                .hasMessageEndingWith("tick-interval");
    }

    /** Knative's cross-key checks of config-autoscaler. */
    @Test
    void theScaleKeysMustAgreeWithOneAnother() {
        assertThatThrownBy(() -> AutoscalerConfig.parse(Map.of("min-scale", "5", "max-scale", "3")))
                .hasMessage("autoscaler.max-scale: invalid value \"3\": want 0 (unlimited) or at least min-scale 5");
        assertThatThrownBy(() -> AutoscalerConfig.parse(Map.of("max-scale-limit", "10", "max-scale", "20")))
                .hasMessage("autoscaler.max-scale: invalid value \"20\": want 0 to max-scale-limit 10");
        assertThatThrownBy(() -> AutoscalerConfig.parse(Map.of("initial-scale", "0")))
                .hasMessage("autoscaler.initial-scale: invalid value \"0\": want 1 or more, or "
                        + "allow-zero-initial-scale: true");
        assertThat(AutoscalerConfig.parse(Map.of("initial-scale", "0", "allow-zero-initial-scale", "true"))
                .get(ConfigAutoscaler.INITIAL_SCALE)).isZero();
    }

    @Test
    void settingAKeyInCodeIsCheckedAsTheFileWouldBe() {
        AutoscalerConfig config = AutoscalerConfig.KNATIVE.with(ConfigAutoscaler.STABLE_WINDOW, Duration.ofSeconds(30));

        assertThat(config.get(ConfigAutoscaler.STABLE_WINDOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(config).isEqualTo(AutoscalerConfig.parse(Map.of("stable-window", "30s")));
        assertThatThrownBy(() -> AutoscalerConfig.KNATIVE.with(ConfigAutoscaler.MAX_SCALE_DOWN_RATE, 0.5))
                .hasMessage("autoscaler.max-scale-down-rate: invalid value \"0.5\": want more than 1");
        assertThatThrownBy(() -> AutoscalerConfig.KNATIVE.with(ConfigAutoscaler.STABLE_WINDOW, Duration.ofMillis(6500)))
                .hasMessage("autoscaler.stable-window: invalid value \"6.5s\": want whole seconds from 6s to 1h");
    }

    private static <T> void parsedAlike(ConfigKey<T> key) {
        key.annotation().ifPresent(annotation -> {
            String text = ConfigKey.text(key.defaultValue());
            assertThat(key.annotated(Map.of(annotation.key(), text))).as(key.name()).contains(key.parse(text));
        });
    }

    /** The same spellings are read from the config file and from an annotation. */
    @Test
    void theFileAndTheAnnotationAreParsedAlike() {
        ConfigAutoscaler.ALL.forEach(ConfigAutoscalerTest::parsedAlike);
        assertThat(List.of(ValueType.NUMBER, ValueType.WHOLE_NUMBER, ValueType.BOOLEAN, ValueType.DURATION))
                .allSatisfy(type -> assertThat(type.parse("many")).isEmpty());
    }
}
