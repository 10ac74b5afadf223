package dev.kumo.runtime.process;

import dev.kumo.runtime.spi.WorkloadSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The environment of a workload process: a few host variables (PATH, HOME, …) so programs are found, the
 * private TMPDIR, the spec's variables, then the platform's PORT and K_* which the spec cannot override.
 */
final class WorkloadEnvironment {

    private WorkloadEnvironment() {
    }

    /** Builds the environment, later sources winning. */
    static Map<String, String> build(Map<String, String> host, Set<String> inherited, WorkloadSpec spec, int port,
            Path tmpDir) {
        Map<String, String> env = new LinkedHashMap<>();
        host.forEach((name, value) -> {
            if (inherited.contains(name)) {
                env.put(name, value);
            }
        });
        env.put("TMPDIR", tmpDir.toString());
        env.putAll(declared(spec, port));
        return env;
    }

    /**
     * The variables the container declares, as on Kubernetes: the spec's, then the platform's PORT and K_* — what
     * {@code $(VAR)} in its command and args may name (host variables and TMPDIR are Kumo's additions, not named).
     */
    static Map<String, String> declared(WorkloadSpec spec, int port) {
        Map<String, String> env = new LinkedHashMap<>(spec.env());
        env.put("PORT", Integer.toString(port));
        spec.revision().service().ifPresent(service -> env.put("K_SERVICE", service));
        env.put("K_CONFIGURATION", spec.revision().configuration());
        env.put("K_REVISION", spec.revision().revision());
        return env;
    }
}
