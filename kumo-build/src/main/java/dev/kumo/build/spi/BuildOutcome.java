package dev.kumo.build.spi;

import java.util.List;

/** How a build ended. */
public sealed interface BuildOutcome {

    /** An image in local storage: its reference and its digest ({@code sha256:…}, the same for unchanged input). */
    record Built(String image, String digest) implements BuildOutcome {}

    /**
     * A build that failed on its own terms.
     *
     * @param step the step that failed
     * @param reason a CamelCase reason for the Succeeded condition, e.g. {@code CompileFailed}
     * @param logTail the last lines of the failing step's output (naming file and line where the tool does)
     */
    record Failed(String step, String reason, List<String> logTail) implements BuildOutcome {
        public Failed {
            logTail = List.copyOf(logTail);
        }
    }

    /** The run was cancelled before it ended. */
    record Cancelled() implements BuildOutcome {}
}
