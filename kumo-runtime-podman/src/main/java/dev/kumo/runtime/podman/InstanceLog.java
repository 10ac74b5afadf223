package dev.kumo.runtime.podman;

import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.support.FollowedLog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The output of one instance's containers across its restarts, as read from their log files: the last
 * {@code capacity} lines kept in memory (podman removes a container's log with the container), followers called on
 * the delivering thread.
 */
final class InstanceLog extends FollowedLog {

    private final int capacity;
    private final Deque<String> lines = new ArrayDeque<>();

    InstanceLog(String revision, String instanceId, int capacity) {
        super(revision, instanceId);
        this.capacity = capacity;
    }

    /** Keeps one line (without its newline) and hands it to the followers. */
    synchronized void append(String text) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(text);
        publish(text);
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
}
