package dev.kumo.runtime.support;

import dev.kumo.runtime.spi.InstanceLogs;
import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.spi.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An instance's log that followers can take up: a follow starts with the last lines ({@link #tail}) and gets every
 * line published after, on the publishing thread (followers must not block). Subclasses say where lines are kept.
 */
public abstract class FollowedLog implements InstanceLogs {

    private static final Logger LOG = LoggerFactory.getLogger(FollowedLog.class);

    protected final String revision;
    protected final String instanceId;
    private final List<Consumer<LogLine>> followers = new CopyOnWriteArrayList<>();

    protected FollowedLog(String revision, String instanceId) {
        this.revision = revision;
        this.instanceId = instanceId;
    }

    /** Hands a line just kept to every follower; call while holding this log's lock, as {@link #follow} does. */
    protected final void publish(String text) {
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
    public Subscription follow(int tailLines, Consumer<LogLine> sink) {
        synchronized (this) {
            tail(tailLines).forEach(sink);
            followers.add(sink);
        }
        return () -> followers.remove(sink);
    }
}
