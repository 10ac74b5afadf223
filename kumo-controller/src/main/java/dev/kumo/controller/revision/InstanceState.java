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
    record Failed(String reason, String message) implements InstanceState {
    }
}
