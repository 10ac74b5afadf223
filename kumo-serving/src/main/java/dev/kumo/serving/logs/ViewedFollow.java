package dev.kumo.serving.logs;

import dev.kumo.runtime.spi.InstanceLogs;
import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.spi.LogSelection;
import dev.kumo.runtime.spi.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * A follow of one instance's log as a {@link LogView} shows it: the last {@code tailLines} shown lines written since
 * {@code since} (counted after the container filter, as the kubelet counts a container's lines), then every new
 * shown line. Lines that arrive while the past ones are sent come after them, none lost.
 */
public final class ViewedFollow {

    private ViewedFollow() {
    }

    /** Starts following {@code log}; closing the subscription stops it. */
    public static Subscription start(InstanceLogs log, Optional<Instant> since, int tailLines, LogView view,
            Consumer<String> sink) {
        Relay relay = new Relay(view, sink);
        Subscription subscription = log.follow(new LogSelection(since, OptionalInt.empty()), relay::line);
        relay.live(tailLines);
        return subscription;
    }

    /** Collects the past lines until told the follow is live, then passes lines on. */
    private static final class Relay {

        private final LogView view;
        private final Consumer<String> sink;
        private List<String> past = new ArrayList<>();

        Relay(LogView view, Consumer<String> sink) {
            this.view = view;
            this.sink = sink;
        }

        synchronized void line(LogLine line) {
            view.show(line).ifPresent(shown -> {
                if (past != null) {
                    past.add(shown);
                } else {
                    sink.accept(shown);
                }
            });
        }

        synchronized void live(int tailLines) {
            int keep = Math.max(0, tailLines);
            past.subList(0, Math.max(0, past.size() - keep)).clear();
            past.forEach(sink);
            past = null;
        }
    }
}
