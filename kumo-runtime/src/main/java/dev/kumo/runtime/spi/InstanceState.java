package dev.kumo.runtime.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Where an instance is in its life; only {@link Ready} receives traffic. */
public sealed interface InstanceState {

    /** The process runs (or is being launched) and has not passed readiness yet; says why if a probe failed. */
    record Starting(Instant since, Optional<String> lastProbeFailure) implements InstanceState {

        public Starting {
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(lastProbeFailure, "lastProbeFailure");
        }
    }

    /**
     * The instance passed readiness and serves HTTP at the address, {@code since} then; its current run was launched
     * (exec) at {@code startedAt}.
     */
    record Ready(InstanceAddress address, Instant since, Instant startedAt) implements InstanceState {

        public Ready {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(startedAt, "startedAt");
            if (since.isBefore(startedAt)) {
                throw new IllegalArgumentException("an instance cannot be ready (" + since + ") before its run was "
                        + "launched (" + startedAt + ")");
            }
        }

        /** The workload's own start: from the exec of its run to passing readiness (to the probe's resolution). */
        public Duration startup() {
            return Duration.between(startedAt, since);
        }
    }

    /**
     * The process runs (or exited and waits to be restarted) but cannot serve where traffic is sent: a reason such
     * as {@code PortInUse} or {@code ListeningElsewhere} and a message naming the port and the process holding it.
     * It is still probed (or restarted) and becomes {@link Ready} once it serves on its own port.
     */
    record Unhealthy(Instant since, String reason, String message) implements InstanceState {

        public Unhealthy {
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The process ended (or was killed by its liveness probe) and will be started again at the given time. */
    record CrashLoopBackOff(int restarts, Instant nextAttempt, Termination lastTermination) implements InstanceState {

        public CrashLoopBackOff {
            Objects.requireNonNull(nextAttempt, "nextAttempt");
            Objects.requireNonNull(lastTermination, "lastTermination");
        }
    }

    /** The instance cannot run and will not be retried (e.g. the command does not exist). */
    record Failed(Termination termination) implements InstanceState {

        public Failed {
            Objects.requireNonNull(termination, "termination");
        }
    }

    /** The instance was stopped on request and its processes are gone. */
    record Stopped(Instant at) implements InstanceState {

        public Stopped {
            Objects.requireNonNull(at, "at");
        }
    }

    /** Whether the instance will never run again. */
    default boolean terminal() {
        return this instanceof Failed || this instanceof Stopped;
    }
}
