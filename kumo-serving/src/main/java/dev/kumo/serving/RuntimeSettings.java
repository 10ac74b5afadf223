package dev.kumo.serving;

import dev.kumo.api.serving.RuntimeName;
import dev.kumo.api.serving.autoscaling.GoDuration;
import dev.kumo.api.serving.pod.Quantities;
import dev.kumo.runtime.support.LogRetention;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which runtimes a server runs workloads with and which one runs a container that could run in either (a
 * {@code command} and an {@code image}), and how long their instances' logs are kept: the config keys
 * {@code runtimes}, {@code default-runtime}, {@code workload-log-max-size} and {@code workload-log-retention}.
 *
 * @param on the runtimes that are on, at least one
 * @param defaultRuntime one of {@code on}
 * @param logs the size of log kept per instance and how long after it stopped
 */
public record RuntimeSettings(Set<RuntimeName> on, RuntimeName defaultRuntime, LogRetention logs) {

    /** Without the config keys: both runtimes on, a container that could run in either runs as a process. */
    public static final RuntimeSettings DEFAULTS = new RuntimeSettings(Set.of(RuntimeName.PROCESS,
            RuntimeName.CONTAINER), RuntimeName.PROCESS);

    /** The runtimes this Kumo has, each a module of its own. */
    static final Set<RuntimeName> BUILT_IN = Set.of(RuntimeName.PROCESS, RuntimeName.CONTAINER);

    public RuntimeSettings {
        if (on.isEmpty()) {
            throw new IllegalArgumentException("runtimes: name at least one runtime; want " + names(BUILT_IN));
        }
        on = Set.copyOf(on);
        Objects.requireNonNull(defaultRuntime, "defaultRuntime");
        Objects.requireNonNull(logs, "logs");
        if (!on.contains(defaultRuntime)) {
            throw new IllegalArgumentException("default-runtime: \"" + defaultRuntime + "\" is not on; runtimes on: "
                    + names(on));
        }
    }

    /** The runtimes given, their logs kept as {@link LogRetention#DEFAULTS} says. */
    public RuntimeSettings(Set<RuntimeName> on, RuntimeName defaultRuntime) {
        this(on, defaultRuntime, LogRetention.DEFAULTS);
    }

    /** These settings keeping the instances' logs as {@code retention} says. */
    public RuntimeSettings withLogs(LogRetention retention) {
        return new RuntimeSettings(on, defaultRuntime, retention);
    }

    /**
     * Reads {@code workload-log-max-size} (a quantity such as {@code 10Mi}, at least 2Ki) and
     * {@code workload-log-retention} (a duration such as {@code 24h}); absent keys keep the defaults (10Mi, 24h). An
     * error names the key, the value and the form.
     */
    public static LogRetention parseLogs(Optional<String> maxSize, Optional<String> retention) {
        LogRetention logs = LogRetention.DEFAULTS;
        if (maxSize.isPresent()) {
            long bytes = Quantities.ceil(Quantities.parse(maxSize.get(), "workload-log-max-size"),
                    "workload-log-max-size");
            if (bytes < 2048) {
                throw new IllegalArgumentException("workload-log-max-size: \"" + maxSize.get() + "\" is too small: "
                        + "want at least 2Ki, such as 10Mi");
            }
            logs = logs.withMaxBytes(bytes);
        }
        if (retention.isPresent()) {
            Duration kept = GoDuration.parse(retention.get()).filter(duration -> !duration.isNegative())
                    .orElseThrow(() -> new IllegalArgumentException("workload-log-retention: \"" + retention.get()
                            + "\" is not a duration: want one such as 24h, 90m or 0s (dropped at stop)"));
            logs = logs.withAfterStop(kept);
        }
        return logs;
    }

    /**
     * Reads the config keys: {@code runtimes} (absent: {@code process, container}) and {@code default-runtime} (absent:
     * {@code process} if on, else the only runtime on). Each value must be a runtime this Kumo has; an error names
     * the key, the value and what is allowed.
     */
    public static RuntimeSettings parse(Optional<List<String>> runtimes, Optional<String> defaultRuntime) {
        Set<RuntimeName> on = EnumSet.noneOf(RuntimeName.class);
        for (String value : runtimes.orElse(DEFAULTS.on().stream().map(RuntimeName::value).toList())) {
            on.add(builtIn("runtimes", value));
        }
        RuntimeName fallback = on.contains(RuntimeName.PROCESS) || on.isEmpty() ? RuntimeName.PROCESS
                : on.iterator().next();
        return new RuntimeSettings(on, defaultRuntime.map(value -> builtIn("default-runtime", value))
                .orElse(fallback));
    }

    private static RuntimeName builtIn(String key, String value) {
        RuntimeName name = RuntimeName.parse(value).orElseThrow(() -> new IllegalArgumentException(key
                + ": unknown runtime \"" + value + "\"; want one of " + String.join(", ", RuntimeName.allowed())));
        if (!BUILT_IN.contains(name)) {
            throw new IllegalArgumentException(key + ": \"" + value + "\": no " + value + " runtime is built into "
                    + "this Kumo yet; runtimes it has: " + names(BUILT_IN));
        }
        return name;
    }

    /** The names in their declared order, comma-separated: {@code process, container}. */
    static String names(Set<RuntimeName> names) {
        return String.join(", ", names.stream().sorted().map(RuntimeName::value).toList());
    }
}
