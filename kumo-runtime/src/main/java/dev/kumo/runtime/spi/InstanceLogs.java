package dev.kumo.runtime.spi;

import java.util.List;
import java.util.function.Consumer;

/** The output (stdout and stderr, merged) of one instance, kept across its restarts. */
public interface InstanceLogs {

    /** The last lines written, oldest first, at most {@code lines} of them. */
    List<LogLine> tail(int lines);

    /** Sends the last {@code tailLines} lines, then each new line as written, until closed; the sink must not block. */
    Subscription follow(int tailLines, Consumer<LogLine> sink);
}
