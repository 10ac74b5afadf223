package dev.kumo.controller.revision;

import java.util.List;

/** What a runtime reports about one Revision's instances. */
public sealed interface InstanceState {

    /** Instances are being started and none is ready yet. */
    record Starting() implements InstanceState {
    }

    /** {@code replicas} instances are running and ready. */
    record Ready(int replicas) implements InstanceState {
    }

    /** The container exited before becoming ready, with its exit code and last log lines. */
    record Exited(int exitCode, List<String> lastLogLines) implements InstanceState {
        public Exited {
            lastLogLines = List.copyOf(lastLogLines);
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
