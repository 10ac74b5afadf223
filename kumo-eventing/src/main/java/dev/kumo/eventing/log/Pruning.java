package dev.kumo.eventing.log;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention's deletes, in bounded steps: a prune reads once, when it starts, the range of sequence numbers retention
 * reaches, then deletes it at most {@code stepRows} stored events at a time, one step in each batch the writer
 * commits — so the appends queued behind a prune wait for one step, not for the whole of it (a second's events at 20k
 * events/s, deleted in one batch, held its 202s for up to half a second). Only the range is read (a search of the
 * primary key): the condition on age, not indexed, would make SQLite read every event kept. Prunes asked for while
 * one is under way wait their turn. Used by the writer thread alone, inside its open transaction.
 */
final class Pruning {

    private static final Logger LOG = LoggerFactory.getLogger(Pruning.class);
    /** For the DEBUG timing of each step: the writer's CPU, apart from its waits on the disk. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Connection connection;
    private final String database;
    private final int stepRows;
    private final Queue<LogWriter.Prune> waiting = new ArrayDeque<>();
    private Run current;

    Pruning(Connection connection, String database, int stepRows) {
        if (stepRows < 1) {
            throw new IllegalArgumentException("a prune step must delete at least one event, not " + stepRows);
        }
        this.connection = connection;
        this.database = database;
        this.stepRows = stepRows;
    }

    void add(LogWriter.Prune prune) {
        waiting.add(prune);
    }

    /** Whether a prune is under way or waiting: the writer runs a batch for its next step even with nothing else. */
    boolean pending() {
        return current != null || !waiting.isEmpty();
    }

    /**
     * Deletes the next step of the prune under way (starting the next waiting one, its range read up to {@code head},
     * the batch's last sequence number) inside the open transaction; returns what to do once the batch is durable —
     * trim the tail to what went, and complete the prune when this was its last step — or empty when no prune waits.
     */
    Optional<Runnable> step(long head, EventTail tail) throws SQLException {
        if (current == null) {
            LogWriter.Prune next = waiting.poll();
            if (next == null) {
                return Optional.empty();
            }
            current = new Run(next, Math.min(head, Math.max(next.seqUpTo(), agedUpTo(next.arrivedBeforeMillis()))));
        }
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        Run run = current;
        long end = stepEnd(run.after, run.upTo);
        Gone gone = delete(run.after, end);
        int count = gone.count();
        run.after = end;
        run.deleted += count;
        boolean last = end == run.upTo;
        if (last) {
            current = null;
        }
        LOG.debug("prune step of {} deleted {} events in {} µs ({} µs CPU){}", database, count,
                (System.nanoTime() - start) / 1_000, (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000,
                last ? ", the prune's last: " + run.deleted + " in all" : "");
        int total = run.deleted;
        return Optional.of(() -> {
            gone.trim().accept(tail);
            if (last) {
                run.prune.deleted().complete(total);
            }
        });
    }

    /**
     * A batch failed and was rolled back, the steps it ran with it: the prune under way and those waiting fail (the
     * mesh asks again a second later).
     */
    void fail(Throwable cause) {
        if (current != null) {
            current.prune.fail(cause);
            current = null;
        }
        waiting.forEach(prune -> prune.fail(cause));
        waiting.clear();
    }

    /**
     * The last sequence number of the step after {@code after}: that of its {@code stepRows}-th stored event, or
     * {@code upTo} when fewer are left up to it.
     */
    private long stepEnd(long after, long upTo) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT seq FROM events WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT 1 OFFSET ?")) {
            query.setLong(1, after);
            query.setLong(2, upTo);
            query.setInt(3, stepRows - 1);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : upTo;
            }
        }
    }

    /**
     * Deletes the finished events in {@code (after, upTo]}. When every Trigger is past {@code upTo} — the usual case:
     * retention reaches far behind Triggers that keep up — all of them go, and every stream's tail lets go of
     * everything up to {@code upTo}, without asking each event's broker nor handing each one back (about half of a
     * step's CPU). Else each event's broker is asked, and each stream's tail trimmed to the newest of its events that
     * went.
     */
    private Gone delete(long after, long upTo) throws SQLException {
        if (lowestLowWater() >= upTo) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM events WHERE seq > ? AND seq <= ?")) {
                delete.setLong(1, after);
                delete.setLong(2, upTo);
                return new Gone(delete.executeUpdate(), tail -> tail.trimAll(upTo));
            }
        }
        Map<String, Deleted> deleted = deletePerStream(after, upTo);
        return new Gone(deleted.values().stream().mapToInt(Deleted::count).sum(),
                tail -> deleted.forEach((stream, gone) -> tail.trim(stream, gone.upTo())));
    }

    /** The lowest low-water mark of any Trigger: every event up to it is finished; none when there is no Trigger. */
    private long lowestLowWater() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT MIN(low_water) FROM triggers");
                ResultSet rows = query.executeQuery()) {
            long lowest = rows.next() ? rows.getLong(1) : 0;
            return rows.wasNull() ? Long.MAX_VALUE : lowest;
        }
    }

    /** Deletes the finished events in {@code (after, upTo]}, asking each one's broker; returns what went per stream. */
    private Map<String, Deleted> deletePerStream(long after, long upTo) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM events WHERE seq > ? AND seq <= ? AND seq <= COALESCE("
                        + "(SELECT MIN(t.low_water) FROM triggers t WHERE t.broker = events.broker), seq)"
                        + " RETURNING broker, seq")) {
            delete.setLong(1, after);
            delete.setLong(2, upTo);
            Map<String, Deleted> deleted = new HashMap<>();
            try (ResultSet rows = delete.executeQuery()) {
                while (rows.next()) {
                    deleted.merge(rows.getString(1), new Deleted(1, rows.getLong(2)), Deleted::plus);
                }
            }
            return deleted;
        }
    }

    /**
     * The newest sequence number below the oldest event that arrived at or after {@code arrivedBeforeMillis}: ages
     * are read oldest first and the read stops at the first young event (so one stored after it with an earlier
     * arrival, a clock set back, goes once that one is old too); every event when none is young.
     */
    private long agedUpTo(long arrivedBeforeMillis) throws SQLException {
        try (PreparedStatement young = connection.prepareStatement(
                "SELECT seq FROM events WHERE arrival_ms >= ? ORDER BY seq LIMIT 1")) {
            young.setLong(1, arrivedBeforeMillis);
            try (ResultSet rows = young.executeQuery()) {
                return rows.next() ? rows.getLong(1) - 1 : Long.MAX_VALUE;
            }
        }
    }

    /** A prune under way: its range, where its next step starts, how many events it deleted so far. */
    private static final class Run {

        final LogWriter.Prune prune;
        final long upTo;
        long after;
        int deleted;

        Run(LogWriter.Prune prune, long upTo) {
            this.prune = prune;
            this.upTo = upTo;
        }
    }

    /** What a step deleted: how many events, and how the tail lets the same go once they are committed. */
    private record Gone(int count, Consumer<EventTail> trim) {
    }

    /** What a step deleted of one stream: how many events, the newest sequence number among them. */
    private record Deleted(int count, long upTo) {

        Deleted plus(Deleted other) {
            return new Deleted(count + other.count, Math.max(upTo, other.upTo));
        }
    }
}
