package dev.kumo.runtime.process;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Set;

/**
 * How the process runtime runs: its state directory (records, logs, temp dirs), clock, crash backoff, log size
 * per file (two files kept per instance), log lines kept in failure reports, the host variables passed on, and
 * whether instances get cgroups where the kernel offers writable ones (else they are tracked by session).
 */
public record ProcessRuntimeConfig(Path stateDir, InstantSource clock, CrashBackoff backoff, long logFileMaxBytes,
        int failureLogLines, Set<String> inheritedEnv, boolean cgroups) {

    /** Host variables a workload gets by default: enough to find programs and behave, none of the server's secrets. */
    public static final Set<String> DEFAULT_INHERITED_ENV = Set.of("PATH", "HOME", "USER", "LOGNAME", "SHELL",
            "LANG", "LC_ALL", "LC_CTYPE", "TZ");

    public ProcessRuntimeConfig {
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(backoff, "backoff");
        if (logFileMaxBytes < 1024) {
            throw new IllegalArgumentException("logFileMaxBytes must be at least 1024, got " + logFileMaxBytes);
        }
        if (failureLogLines < 0) {
            throw new IllegalArgumentException("failureLogLines must not be negative");
        }
        inheritedEnv = Set.copyOf(inheritedEnv);
    }

    /** The defaults: system clock, 1 s…5 min backoff, 1 MiB × 2 of log, 20 lines in failure reports. */
    public static ProcessRuntimeConfig defaults(Path stateDir) {
        return new ProcessRuntimeConfig(stateDir, InstantSource.system(), CrashBackoff.defaults(), 1024 * 1024, 20,
                DEFAULT_INHERITED_ENV, true);
    }

    /** This config with another crash backoff. */
    public ProcessRuntimeConfig withBackoff(CrashBackoff newBackoff) {
        return new ProcessRuntimeConfig(stateDir, clock, newBackoff, logFileMaxBytes, failureLogLines, inheritedEnv,
                cgroups);
    }

    /** This config with another log file size limit. */
    public ProcessRuntimeConfig withLogFileMaxBytes(long bytes) {
        return new ProcessRuntimeConfig(stateDir, clock, backoff, bytes, failureLogLines, inheritedEnv, cgroups);
    }

    /** This config without cgroups: instances tracked by session and parent, memory limited by RLIMIT_AS. */
    public ProcessRuntimeConfig withoutCgroups() {
        return new ProcessRuntimeConfig(stateDir, clock, backoff, logFileMaxBytes, failureLogLines, inheritedEnv,
                false);
    }

    /** Wait this long for a killed process tree to be gone before giving up on it. */
    static Duration killWait() {
        return Duration.ofSeconds(5);
    }

    Path recordDir() {
        return stateDir.resolve("instances");
    }

    Path logDir(String instanceId) {
        return stateDir.resolve("logs").resolve(instanceId);
    }

    Path tmpDir(String instanceId) {
        return stateDir.resolve("tmp").resolve(instanceId);
    }
}
