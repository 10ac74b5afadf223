package dev.kumo.runtime.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a run of an instance ended: why, the exit code if it exited, the last lines it logged, and whether the kernel
 * killed it for going over its memory limit (Kubernetes' OOMKilled).
 */
public record Termination(String reason, OptionalInt exitCode, List<String> lastLogLines, Instant at,
        boolean oomKilled) {

    public Termination {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(exitCode, "exitCode");
        lastLogLines = List.copyOf(lastLogLines);
        Objects.requireNonNull(at, "at");
    }

    /** A run that was not OOM-killed. */
    public Termination(String reason, OptionalInt exitCode, List<String> lastLogLines, Instant at) {
        this(reason, exitCode, lastLogLines, at, false);
    }

    /** One paragraph a person can act on: the reason, the exit code and the last log lines. */
    public String message() {
        StringBuilder text = new StringBuilder(reason);
        exitCode.ifPresent(code -> text.append(" (exit code ").append(code).append(')'));
        if (!lastLogLines.isEmpty()) {
            text.append("; last log lines:\n").append(String.join("\n", lastLogLines));
        }
        return text.toString();
    }
}
