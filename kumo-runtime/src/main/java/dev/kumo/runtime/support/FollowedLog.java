package dev.kumo.runtime.support;

import dev.kumo.runtime.spi.InstanceLogs;
import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.spi.LogSelection;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.Subscription;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An instance's log that followers can take up: each line is stamped with the runtime's clock as it is appended, a
 * follow starts with the selected past lines and gets every line appended after, on the appending thread (followers
 * must not block). The runtime marks where each run starts, for {@link #previousRun}. Subclasses say where lines are
 * kept.
 */
public abstract class FollowedLog implements InstanceLogs {

    private static final Logger LOG = LoggerFactory.getLogger(FollowedLog.class);

    protected final RevisionRef revision;
    protected final String instanceId;
    private final InstantSource clock;
    private final List<Consumer<LogLine>> followers = new CopyOnWriteArrayList<>();
    /** The starts of the last two runs, oldest first. */
    private final List<Instant> runStarts = new ArrayList<>(3);

    protected FollowedLog(RevisionRef revision, String instanceId, InstantSource clock) {
        this.revision = revision;
        this.instanceId = instanceId;
        this.clock = clock;
    }

    /** The Revision whose instance wrote this log. */
    public final RevisionRef revision() {
        return revision;
    }

    /** The instance that wrote this log. */
    public final String instanceId() {
        return instanceId;
    }

    /** Keeps one line (without its newline), stamped now, and hands it to every follower. */
    public final synchronized void append(String text) {
        LogLine line = new LogLine(revision.revision(), instanceId, clock.instant(), text);
        keep(line);
        for (Consumer<LogLine> follower : followers) {
            try {
                follower.accept(line);
            } catch (RuntimeException e) {
                LOG.warn("a log follower of instance {} failed: {}", instanceId, e.toString());
            }
        }
    }

    /** Keeps a line; called holding this log's lock. */
    protected abstract void keep(LogLine line);

    /** A run of the instance started at {@code at}: lines from then on are the current run's. */
    public final synchronized void runStarted(Instant at) {
        runStarts.add(at);
        if (runStarts.size() > 2) {
            runStarts.removeFirst();
        }
    }

    @Override
    public final synchronized List<LogLine> previousRun() {
        if (runStarts.size() < 2) {
            return List.of();
        }
        Instant from = runStarts.getFirst();
        Instant until = runStarts.getLast();
        return lines().stream().filter(line -> !line.at().isBefore(from) && line.at().isBefore(until)).toList();
    }

    @Override
    public final Subscription follow(LogSelection selection, Consumer<LogLine> sink) {
        Consumer<LogLine> follower = line -> {
            if (selection.admits(line)) {
                sink.accept(line);
            }
        };
        synchronized (this) {
            selection.apply(lines()).forEach(sink);
            followers.add(follower);
        }
        return () -> followers.remove(follower);
    }

    /** The instance stopped at {@code at}; no line comes after. Default: nothing to record. */
    public void stopped(Instant at) {
    }

    /** The retention dropped this log: free what it holds (files, memory). Default: nothing. */
    public void discard() {
    }
}
