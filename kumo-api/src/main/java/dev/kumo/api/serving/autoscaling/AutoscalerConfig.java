package dev.kumo.api.serving.autoscaling;

import static dev.kumo.api.serving.autoscaling.ConfigAutoscaler.ALLOW_ZERO_INITIAL_SCALE;
import static dev.kumo.api.serving.autoscaling.ConfigAutoscaler.INITIAL_SCALE;
import static dev.kumo.api.serving.autoscaling.ConfigAutoscaler.MAX_SCALE;
import static dev.kumo.api.serving.autoscaling.ConfigAutoscaler.MAX_SCALE_LIMIT;
import static dev.kumo.api.serving.autoscaling.ConfigAutoscaler.MIN_SCALE;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The cluster-wide autoscaler settings (Knative's {@code config-autoscaler}): one typed value per key of
 * {@link ConfigAutoscaler}, immutable, read with {@link #get}. Annotations override some of them per Revision
 * ({@link #forRevision}); {@link RevisionAutoscaling#resolve} turns both into what the decider takes.
 */
public final class AutoscalerConfig {

    /** Knative's defaults, deciding every 2 s. */
    public static final AutoscalerConfig KNATIVE = parse(Map.of());

    private final Map<ConfigKey<?>, Object> values;

    private AutoscalerConfig(Map<ConfigKey<?>, Object> values) {
        this.values = Map.copyOf(values);
        checkScales();
    }

    /**
     * Reads the config file's {@code autoscaler:} block, keys as in Knative's config-autoscaler ConfigMap; an
     * unknown key, a value that does not parse or one out of bounds is an error naming the key, the value and what
     * is wanted.
     */
    public static AutoscalerConfig parse(Map<String, String> block) {
        Set<String> known = ConfigAutoscaler.ALL.stream().map(ConfigKey::name)
                .collect(Collectors.toCollection(TreeSet::new));
        for (String key : block.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("autoscaler." + key + ": unknown key; known keys: "
                        + String.join(", ", known));
            }
        }
        Map<ConfigKey<?>, Object> values = new LinkedHashMap<>();
        for (ConfigKey<?> key : ConfigAutoscaler.ALL) {
            String text = block.get(key.name());
            values.put(key, text == null ? key.defaultValue() : key.parse(text));
        }
        return new AutoscalerConfig(values);
    }

    /** The value of {@code key}. */
    public <T> T get(ConfigKey<T> key) {
        @SuppressWarnings("unchecked") // put only by key, with a value of the key's type
        T value = (T) values.get(key);
        return value;
    }

    /** These settings with {@code key} set to {@code value}, checked as the config file's value would be. */
    public <T> AutoscalerConfig with(ConfigKey<T> key, T value) {
        Map<ConfigKey<?>, Object> changed = new LinkedHashMap<>(values);
        changed.put(key, key.checked(value));
        return new AutoscalerConfig(changed);
    }

    /** The value of {@code key} for a Revision: its annotation, when it has one that parses, else this config's. */
    public <T> T forRevision(ConfigKey<T> key, Map<String, String> annotations) {
        return key.annotated(annotations).orElseGet(() -> get(key));
    }

    /** Knative's cross-key checks of config-autoscaler: the scale bounds agree with one another. */
    private void checkScales() {
        int min = get(MIN_SCALE);
        int max = get(MAX_SCALE);
        int limit = get(MAX_SCALE_LIMIT);
        if (max != 0 && max < min) {
            throw MAX_SCALE.invalid(String.valueOf(max), "0 (unlimited) or at least min-scale " + min);
        }
        if (limit != 0 && max > limit) {
            throw MAX_SCALE.invalid(String.valueOf(max), "0 to max-scale-limit " + limit);
        }
        if (get(INITIAL_SCALE) == 0 && !get(ALLOW_ZERO_INITIAL_SCALE)) {
            throw INITIAL_SCALE.invalid("0", "1 or more, or allow-zero-initial-scale: true");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AutoscalerConfig config && values.equals(config.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return ConfigAutoscaler.ALL.stream().map(key -> key.name() + "=" + ConfigKey.text(get(key)))
                .collect(Collectors.joining(", ", "AutoscalerConfig[", "]"));
    }
}
