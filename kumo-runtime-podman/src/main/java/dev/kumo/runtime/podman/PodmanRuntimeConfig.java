package dev.kumo.runtime.podman;

import dev.kumo.runtime.process.CrashBackoff;
import dev.kumo.runtime.support.LogRetention;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * How the container runtime runs: its state directory (Kumo's podman service's socket, containers.conf and log),
 * the socket of a podman service to use instead of starting one, clock, crash backoff, the logs' retention (size per
 * instance, age after stop; files under {@code logs/}), log lines in failure reports, and the warm pool's limits.
 */
public record PodmanRuntimeConfig(Path stateDir, Optional<Path> socket, InstantSource clock, CrashBackoff backoff,
        LogRetention logs, int failureLogLines, WarmPoolLimits warmPool) {

    public PodmanRuntimeConfig {
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(warmPool, "warmPool");
        Objects.requireNonNull(logs, "logs");
        if (failureLogLines < 0) {
            throw new IllegalArgumentException("failureLogLines must not be negative, got " + failureLogLines);
        }
    }

    /**
     * The defaults: Kumo's own podman service, system clock, 1 s…5 min backoff, {@link LogRetention#DEFAULTS}, 20
     * log lines reported, the warm pool's {@link WarmPoolLimits#DEFAULTS}.
     */
    public static PodmanRuntimeConfig defaults(Path stateDir) {
        return new PodmanRuntimeConfig(stateDir, Optional.empty(), InstantSource.system(), CrashBackoff.defaults(),
                LogRetention.DEFAULTS, 20, WarmPoolLimits.DEFAULTS);
    }

    /** This config using the podman service at {@code path} instead of starting one. */
    public PodmanRuntimeConfig withSocket(Path path) {
        return new PodmanRuntimeConfig(stateDir, Optional.of(path), clock, backoff, logs, failureLogLines,
                warmPool);
    }

    /** This config with another crash backoff. */
    public PodmanRuntimeConfig withBackoff(CrashBackoff newBackoff) {
        return new PodmanRuntimeConfig(stateDir, socket, clock, newBackoff, logs, failureLogLines, warmPool);
    }

    /** This config reading the time from {@code newClock}. */
    public PodmanRuntimeConfig withClock(InstantSource newClock) {
        return new PodmanRuntimeConfig(stateDir, socket, newClock, backoff, logs, failureLogLines, warmPool);
    }

    /** This config with other warm pool limits ({@link WarmPoolLimits#OFF}: none). */
    public PodmanRuntimeConfig withWarmPool(WarmPoolLimits limits) {
        return new PodmanRuntimeConfig(stateDir, socket, clock, backoff, logs, failureLogLines, limits);
    }

    /** This config with another retention of the instances' logs. */
    public PodmanRuntimeConfig withLogRetention(LogRetention retention) {
        return new PodmanRuntimeConfig(stateDir, socket, clock, backoff, retention, failureLogLines, warmPool);
    }

    /** Where the log of instance {@code id} is kept. */
    Path logDir(String id) {
        return logsDir().resolve(id);
    }

    Path logsDir() {
        return stateDir.resolve("logs");
    }
}
