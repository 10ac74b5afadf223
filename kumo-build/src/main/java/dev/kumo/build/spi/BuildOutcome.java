package dev.kumo.build.spi;

import java.util.List;

/** How a build ended. */
public sealed interface BuildOutcome {

    /**
     * An image in local storage: its reference, its digest ({@code sha256:…}, the same for unchanged input) and its
     * size in bytes as the strategy knows it (0 when it does not: Shipwright's {@code status.output.size}).
     */
    record Built(String image, String digest, long size) implements BuildOutcome {

        public Built(String image, String digest) {
            this(image, digest, 0);
        }
    }

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
