package dev.kumo.runtime.podman;

import dev.kumo.runtime.spi.InstanceLogs;
import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.spi.Subscription;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The output of one instance's containers across its restarts, as podman's log stream delivers it: the last
 * {@code capacity} lines kept in memory (podman keeps each container's full log until it is removed), followers
 * called on the delivering thread.
 */
final class InstanceLog implements InstanceLogs {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceLog.class);

    private final String revision;
    private final String instanceId;
    private final int capacity;
    private final Deque<String> lines = new ArrayDeque<>();
    private final List<Consumer<LogLine>> followers = new CopyOnWriteArrayList<>();

    InstanceLog(String revision, String instanceId, int capacity) {
        this.revision = revision;
        this.instanceId = instanceId;
        this.capacity = capacity;
    }

    /** Keeps one line (without its newline) and hands it to the followers. */
    synchronized void append(String text) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(text);
        LogLine line = new LogLine(revision, instanceId, text);
        for (Consumer<LogLine> follower : followers) {
            try {
                follower.accept(line);
            } catch (RuntimeException e) {
                LOG.warn("a log follower of instance {} failed: {}", instanceId, e.toString());
            }
        }
    }

    @Override
    public synchronized List<LogLine> tail(int count) {
        List<LogLine> result = new ArrayList<>();
        int skip = Math.max(0, lines.size() - Math.max(0, count));
        for (String text : lines) {
            if (skip-- <= 0) {
                result.add(new LogLine(revision, instanceId, text));
            }
        }
        return result;
    }

    @Override
    public Subscription follow(int tailLines, Consumer<LogLine> sink) {
        synchronized (this) {
            tail(tailLines).forEach(sink);
            followers.add(sink);
        }
        return () -> followers.remove(sink);
    }
}
