package dev.kumo.cli.service;

import dev.kumo.api.serving.autoscaling.AnnotationKey;
import dev.kumo.api.serving.autoscaling.AutoscalingKeys;
import dev.kumo.api.serving.autoscaling.ConfigAutoscaler;
import dev.kumo.api.serving.autoscaling.GoDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The scale flags read into annotation values, each checked against the range Knative accepts for it. */
final class ScaleSettings {

    /** One annotation to write: {@code key = value}, asked for by {@code flag} given as {@code given}. */
    record Setting(String flag, String given, AnnotationKey key, String value) {
    }

    private static final String INSTANCES = "want a number of instances, 0 or more";

    private ScaleSettings() {
    }

    /** The settings the flags ask for, in flag order; throws {@link InvalidFlag} for a value out of range. */
    static List<Setting> of(ScaleOptions flags) {
        List<Setting> settings = new ArrayList<>();
        given(flags.range).ifPresent(range -> settings.addAll(range(range, flags)));
        given(flags.min).ifPresent(min -> settings.add(count("--scale-min", min, AutoscalingKeys.MIN_SCALE,
                INSTANCES)));
        given(flags.max).ifPresent(max -> settings.add(count("--scale-max", max, AutoscalingKeys.MAX_SCALE,
                INSTANCES + " (0: no limit)")));
        given(flags.initial).ifPresent(initial -> settings.add(count("--scale-init", initial,
                AutoscalingKeys.INITIAL_SCALE, INSTANCES)));
        given(flags.metric).ifPresent(metric -> settings.add(metric(metric)));
        given(flags.target).ifPresent(target -> settings.add(target(target)));
        given(flags.utilization).ifPresent(percent -> settings.add(utilization(percent)));
        given(flags.window).ifPresent(window -> settings.add(window(window)));
        return settings;
    }

    /** kn's {@code --scale}: {@code N} sets both bounds, {@code MIN..MAX} each side that is written. */
    private static List<Setting> range(String range, ScaleOptions flags) {
        given(flags.min).ifPresent(min -> {
            throw new InvalidFlag("--scale and --scale-min cannot be given together: --scale sets the minimum "
                    + "too (--scale N.. sets only the minimum)");
        });
        given(flags.max).ifPresent(max -> {
            throw new InvalidFlag("--scale and --scale-max cannot be given together: --scale sets the maximum "
                    + "too (--scale ..N sets only the maximum)");
        });
        String want = "want N, MIN..MAX, MIN.. or ..MAX, such as --scale 1..5";
        if (!range.contains("..")) {
            Setting min = count("--scale", range, AutoscalingKeys.MIN_SCALE, want);
            return List.of(min, new Setting("--scale", range, AutoscalingKeys.MAX_SCALE, min.value()));
        }
        String[] sides = range.split("\\.\\.", -1);
        if (sides.length != 2 || sides[0].isEmpty() && sides[1].isEmpty()) {
            throw new InvalidFlag("invalid --scale '" + range + "': " + want);
        }
        List<Setting> settings = new ArrayList<>();
        if (!sides[0].isEmpty()) {
            settings.add(count("--scale", range, sides[0], AutoscalingKeys.MIN_SCALE, want));
        }
        if (!sides[1].isEmpty()) {
            settings.add(count("--scale", range, sides[1], AutoscalingKeys.MAX_SCALE, want));
        }
        return settings;
    }

    private static Setting count(String flag, String given, AnnotationKey key, String want) {
        return count(flag, given, given, key, want);
    }

    private static Setting count(String flag, String given, String number, AnnotationKey key, String want) {
        Optional<Integer> parsed = integer(number).filter(n -> n >= 0);
        if (parsed.isEmpty()) {
            throw new InvalidFlag("invalid " + flag + " '" + given + "': " + want);
        }
        return new Setting(flag, given, key, parsed.get().toString());
    }

    private static Setting metric(String metric) {
        if (!metric.equals(AutoscalingKeys.CONCURRENCY) && !metric.equals(AutoscalingKeys.RPS)) {
            throw new InvalidFlag("invalid --scale-metric '" + metric + "': want concurrency or rps (the KPA "
                    + "autoscaler scales on requests in flight or requests per second)");
        }
        return new Setting("--scale-metric", metric, AutoscalingKeys.METRIC, metric);
    }

    private static Setting target(String target) {
        Optional<Integer> parsed = integer(target).filter(n -> n >= 1);
        if (parsed.isEmpty()) {
            throw new InvalidFlag("invalid --scale-target '" + target + "': want a whole number, 1 or more "
                    + "(requests in flight per instance, or requests per second with --scale-metric rps)");
        }
        return new Setting("--scale-target", target, AutoscalingKeys.TARGET, parsed.get().toString());
    }

    private static Setting utilization(String percent) {
        Optional<Integer> parsed = integer(percent.endsWith("%") ? percent.substring(0, percent.length() - 1)
                : percent).filter(n -> ConfigAutoscaler.CONTAINER_CONCURRENCY_TARGET_PERCENTAGE.bounds().allowed()
                        .test(n.doubleValue()));
        if (parsed.isEmpty()) {
            throw new InvalidFlag("invalid --scale-utilization '" + percent + "': want a percentage from 1 to 100");
        }
        return new Setting("--scale-utilization", percent, AutoscalingKeys.TARGET_UTILIZATION_PERCENTAGE,
                parsed.get().toString());
    }

    private static Setting window(String window) {
        Optional<Duration> parsed = GoDuration.parse(window).filter(ConfigAutoscaler.STABLE_WINDOW.bounds().allowed());
        String want = "want a duration from 6s to 1h in whole seconds, such as 60s or 2m";
        if (parsed.isEmpty()) {
            throw new InvalidFlag("invalid --scale-window '" + window + "': " + want);
        }
        return new Setting("--scale-window", window, AutoscalingKeys.WINDOW, window);
    }

    private static Optional<String> given(String flag) {
        return Optional.ofNullable(flag);
    }

    private static Optional<Integer> integer(String text) {
        if (!text.matches("[+-]?\\d{1,10}")) {
            return Optional.empty();
        }
        long value = Long.parseLong(text);
        return value > Integer.MAX_VALUE || value < Integer.MIN_VALUE ? Optional.empty()
                : Optional.of((int) value);
    }
}
