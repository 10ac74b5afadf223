package dev.kumo.runtime.spi;

import java.util.List;
import java.util.function.Consumer;

/** The output (stdout and stderr, merged) of one instance, kept across its restarts. */
public interface InstanceLogs {

    /** Every line kept, oldest first. */
    List<LogLine> lines();

    /** The last lines written, oldest first, at most {@code lines} of them. */
    default List<LogLine> tail(int lines) {
        return LogSelection.last(lines).apply(lines());
    }

    /** The lines {@code selection} asks for, oldest first. */
    default List<LogLine> read(LogSelection selection) {
        return selection.apply(lines());
    }

    /** Sends the selected past lines, then each new line as written, until closed; the sink must not block. */
    Subscription follow(LogSelection selection, Consumer<LogLine> sink);

    /** Sends the last {@code tailLines} lines, then each new line as written, until closed. */
    default Subscription follow(int tailLines, Consumer<LogLine> sink) {
        return follow(LogSelection.last(tailLines), sink);
    }

    /**
     * The lines of the run before the current one ({@code kubectl logs --previous}), oldest first: empty when the
     * instance has not been restarted (or the lines were rotated away).
     */
    List<LogLine> previousRun();
}
