package dev.kumo.api.serving.autoscaling;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the config-autoscaler key table: the key's name in the config file's {@code autoscaler:} block, how
 * it is written, its default, its bounds, and the {@code autoscaling.knative.dev/*} annotation that overrides it
 * for one Revision.
 *
 * @param name the kebab-case key ({@code stable-window})
 * @param type how a value is written, the same in the config file and in the annotation
 * @param defaultValue Knative's default
 * @param bounds which parsed values are allowed (in the config file; admission checks annotations against a range)
 * @param annotation the annotation a Revision overrides the key with, if any
 */
public record ConfigKey<T>(String name, ValueType<T> type, T defaultValue, Bounds<T> bounds,
        Optional<AnnotationKey> annotation) {

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultValue, "defaultValue");
    }

    /** A key taking any value of {@code type}, overridden by no annotation. */
    static <T> ConfigKey<T> of(String name, ValueType<T> type, T defaultValue) {
        return new ConfigKey<>(name, type, defaultValue, Bounds.any(type), Optional.empty());
    }

    /** This key allowing only the values {@code allowed} accepts. */
    ConfigKey<T> within(Bounds<T> allowed) {
        return new ConfigKey<>(name, type, defaultValue, allowed, annotation);
    }

    /** This key overridden per Revision by {@code key}. */
    ConfigKey<T> overriddenBy(AnnotationKey key) {
        return new ConfigKey<>(name, type, defaultValue, bounds, Optional.of(key));
    }

    /**
     * The value the config file's {@code text} gives this key; an error names the key, the value and what is
     * wanted.
     */
    public T parse(String text) {
        T value = type.parse(text).orElseThrow(() -> invalid(text, type.want()));
        if (!bounds.allowed().test(value)) {
            throw invalid(text, bounds.want());
        }
        return value;
    }

    /** {@code value} when it is within bounds; set in code, it is refused as the config file's text would be. */
    public T checked(T value) {
        if (!bounds.allowed().test(value)) {
            throw invalid(text(value), bounds.want());
        }
        return value;
    }

    /**
     * The value {@code annotations} give this key, under any spelling of its annotation; empty when the key has no
     * annotation, it is absent, or its value does not parse (admission has refused such values; one that got
     * through counts as absent, as Knative's PodAutoscaler accessors do). Bounds are admission's to check.
     */
    public Optional<T> annotated(Map<String, String> annotations) {
        return annotation.flatMap(key -> key.lookup(annotations)).flatMap(found -> type.parse(found.value()));
    }

    /** The error for {@code text} given to this key: {@code autoscaler.KEY: invalid value "TEXT": want WANT}. */
    IllegalArgumentException invalid(String text, String want) {
        return new IllegalArgumentException("autoscaler." + name + ": invalid value \"" + text + "\": want " + want);
    }

    /** A value as the config file writes it: {@code 60s}, {@code 0.7}, {@code true}. */
    static String text(Object value) {
        if (value instanceof Duration duration) {
            return GoDuration.text(duration);
        }
        if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
            return String.valueOf(number.longValue());
        }
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return name;
    }
}
