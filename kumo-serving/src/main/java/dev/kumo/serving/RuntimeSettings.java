package dev.kumo.serving;

import dev.kumo.api.serving.RuntimeName;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which runtimes a server runs workloads with and which one runs a container that could run in either (a
 * {@code command} and an {@code image}): the config keys {@code runtimes} and {@code default-runtime}.
 *
 * @param on the runtimes that are on, at least one
 * @param defaultRuntime one of {@code on}
 */
public record RuntimeSettings(Set<RuntimeName> on, RuntimeName defaultRuntime) {

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
        if (!on.contains(defaultRuntime)) {
            throw new IllegalArgumentException("default-runtime: \"" + defaultRuntime + "\" is not on; runtimes on: "
                    + names(on));
        }
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
