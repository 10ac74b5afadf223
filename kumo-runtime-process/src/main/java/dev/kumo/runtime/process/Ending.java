package dev.kumo.runtime.process;

/** Why the supervision of one run of a process ended. */
sealed interface Ending {

    /** The process exited by itself. */
    record Exited(int exitCode) implements Ending {
    }

    /** The liveness probe failed too many times in a row. */
    record LivenessFailed(String lastFailure) implements Ending {
    }

    /** The instance is being stopped. */
    record StopRequested() implements Ending {
    }
}
