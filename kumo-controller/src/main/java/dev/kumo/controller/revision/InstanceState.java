package dev.kumo.controller.revision;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How a Revision's instances are doing, as a runtime reports it. */
public sealed interface InstanceState {

    /**
     * Instances are being started and none is ready yet: since when (the earliest start among them), the last
     * readiness probe failure, and the last lines they logged (for the progress-deadline message).
     */
    record Starting(Instant since, Optional<String> lastProbeFailure, List<String> lastLogLines)
            implements InstanceState {

        public Starting {
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(lastProbeFailure, "lastProbeFailure");
            lastLogLines = List.copyOf(lastLogLines);
        }

        /** Started at {@code since}, with no probe failure or log line yet. */
        public static Starting at(Instant since) {
            return new Starting(since, Optional.empty(), List.of());
        }
    }

    /** The autoscaler wants no instance and none runs: the Revision is scaled to zero (it stays Ready). */
    record ScaledToZero() implements InstanceState {
    }

    /** At least one instance is running and ready. */
    record Ready() implements InstanceState {
    }

    /**
     * The container exited before becoming ready, with its exit code, last log lines, and whether the kernel killed
     * it for going over its memory limit (Kubernetes' OOMKilled).
     */
    record Exited(int exitCode, List<String> lastLogLines, boolean oomKilled) implements InstanceState {
        public Exited {
            lastLogLines = List.copyOf(lastLogLines);
        }

        /** An exit that was not an OOM kill. */
        public Exited(int exitCode, List<String> lastLogLines) {
            this(exitCode, lastLogLines, false);
        }
    }

    /**
     * The container was restarted after crashing and crashed again: its exit code, how many times it was restarted,
     * the back-off before the next start (Kubernetes' CrashLoopBackOff), its last log lines and whether its last
     * crash was an OOM kill.
     */
    record CrashLoopBackOff(int exitCode, int restarts, Duration backOff, List<String> lastLogLines,
            boolean oomKilled) implements InstanceState {

        public CrashLoopBackOff {
            Objects.requireNonNull(backOff, "backOff");
            lastLogLines = List.copyOf(lastLogLines);
        }

        /** A crash loop whose last crash was not an OOM kill. */
        public CrashLoopBackOff(int exitCode, int restarts, Duration backOff, List<String> lastLogLines) {
            this(exitCode, restarts, backOff, lastLogLines, false);
        }
    }

    /** The instances cannot be started (image missing, command not found…): a reason and an actionable message. */
    record Failed(String reason, String message, boolean permanent) implements InstanceState {

        /** A failure that may heal by itself (a ConfigMap or Secret that may still appear): looked at again. */
        public Failed(String reason, String message) {
            this(reason, message, false);
        }

        /** A failure only a new Revision can mend (the runtime cannot run this container): never retried. */
        public static Failed permanent(String reason, String message) {
            return new Failed(reason, message, true);
        }
    }
}
