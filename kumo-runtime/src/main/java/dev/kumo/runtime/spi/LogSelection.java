package dev.kumo.runtime.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which of a log's lines a reader asks for, as the kubelet selects them: those written at or after {@code since},
 * then the last {@code tailLines} of those.
 */
public record LogSelection(Optional<Instant> since, OptionalInt tailLines) {

    /** Every line kept. */
    public static final LogSelection ALL = new LogSelection(Optional.empty(), OptionalInt.empty());

    public LogSelection {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(tailLines, "tailLines");
        if (tailLines.isPresent() && tailLines.getAsInt() < 0) {
            throw new IllegalArgumentException("tailLines must not be negative, got " + tailLines.getAsInt());
        }
    }

    /** The last {@code lines} lines. */
    public static LogSelection last(int lines) {
        return new LogSelection(Optional.empty(), OptionalInt.of(Math.max(0, lines)));
    }

    /** Whether a line new to the log (not one of the past) belongs to the selection. */
    public boolean admits(LogLine line) {
        return since.map(from -> !line.at().isBefore(from)).orElse(true);
    }

    /** The selected lines of {@code lines} (oldest first), oldest first. */
    public List<LogLine> apply(List<LogLine> lines) {
        List<LogLine> admitted = since.isEmpty() ? lines : lines.stream().filter(this::admits).toList();
        int keep = tailLines.orElse(Integer.MAX_VALUE);
        return admitted.size() <= keep ? admitted : admitted.subList(admitted.size() - keep, admitted.size());
    }
}
