package dev.kumo.runtime.process;

import dev.kumo.runtime.support.LogRetention;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Set;

/**
 * How the process runtime runs: its state directory (records, logs, temp dirs), clock, crash backoff, the logs'
 * retention (size per instance, age after stop), log lines kept in failure reports, the host variables passed on, and
 * whether instances get cgroups where the kernel offers writable ones (else they are tracked by session).
 */
public record ProcessRuntimeConfig(Path stateDir, InstantSource clock, CrashBackoff backoff, LogRetention logs,
        int failureLogLines, Set<String> inheritedEnv, boolean cgroups) {

    /** Host variables a workload gets by default: enough to find programs and behave, none of the server's secrets. */
    public static final Set<String> DEFAULT_INHERITED_ENV = Set.of("PATH", "HOME", "USER", "LOGNAME", "SHELL",
            "LANG", "LC_ALL", "LC_CTYPE", "TZ");

    public ProcessRuntimeConfig {
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(logs, "logs");
        if (failureLogLines < 0) {
            throw new IllegalArgumentException("failureLogLines must not be negative");
        }
        inheritedEnv = Set.copyOf(inheritedEnv);
    }

    /**
     * The defaults: system clock, 1 s…5 min backoff, {@link LogRetention#DEFAULTS} (10 MiB per instance, 24 h after
     * it stopped), 20 lines in failure reports.
     */
    public static ProcessRuntimeConfig defaults(Path stateDir) {
        return new ProcessRuntimeConfig(stateDir, InstantSource.system(), CrashBackoff.defaults(),
                LogRetention.DEFAULTS, 20,
                DEFAULT_INHERITED_ENV, true);
    }

    /** This config with another crash backoff. */
    public ProcessRuntimeConfig withBackoff(CrashBackoff newBackoff) {
        return new ProcessRuntimeConfig(stateDir, clock, newBackoff, logs, failureLogLines, inheritedEnv,
                cgroups);
    }

    /** This config with another retention of the instances' logs. */
    public ProcessRuntimeConfig withLogRetention(LogRetention retention) {
        return new ProcessRuntimeConfig(stateDir, clock, backoff, retention, failureLogLines, inheritedEnv, cgroups);
    }

    /** This config reading the time from {@code newClock}. */
    public ProcessRuntimeConfig withClock(InstantSource newClock) {
        return new ProcessRuntimeConfig(stateDir, newClock, backoff, logs, failureLogLines, inheritedEnv, cgroups);
    }

    /** This config without cgroups: instances tracked by session and parent, memory limited by RLIMIT_AS. */
    public ProcessRuntimeConfig withoutCgroups() {
        return new ProcessRuntimeConfig(stateDir, clock, backoff, logs, failureLogLines, inheritedEnv,
                false);
    }

    /** Wait this long for a killed process tree to be gone before giving up on it. */
    static Duration killWait() {
        return Duration.ofSeconds(5);
    }

    Path recordDir() {
        return stateDir.resolve("instances");
    }

    Path logsDir() {
        return stateDir.resolve("logs");
    }

    Path logDir(String instanceId) {
        return logsDir().resolve(instanceId);
    }

    Path tmpDir(String instanceId) {
        return stateDir.resolve("tmp").resolve(instanceId);
    }
}
