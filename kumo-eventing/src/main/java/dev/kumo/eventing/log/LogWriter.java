package dev.kumo.eventing.log;

import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log's one writer, a thread doing group commit: it takes every queued operation (appends, trigger changes,
 * pruning) plus the latest position of every Trigger that moved, runs them in one transaction with the next step of a
 * prune under way ({@link Pruning}; a batch runs for that step alone when nothing else waits), commits once, makes the
 * batch durable ({@link Durability}: the {@link IngressJournal}'s one fdatasync for all of them) and only then
 * puts the new events in the {@link EventTail}, completes the callers' futures and tells the listener which brokers
 * grew. SQLite first, then the journal: a batch SQLite refused (a full disk) is never journaled, so it cannot come
 * back at the next open; a crash of the process between the two leaves the batch in SQLite unacknowledged —
 * delivered all the same, as after a crash between a commit and its 202s — and a power loss there may take it, but
 * no 202 promised it. (A reader of SQLite may see such a batch before its sync: delivered at least once either way.)
 *
 * <p>A batch that fails (a full disk) is rolled back whole and every caller of it fails; the positions it carried
 * are kept for the next batch and the last sequence number is read back from the database, so the log goes on as
 * soon as there is room again. The connection is in auto-commit with explicit BEGIN/COMMIT/ROLLBACK: sqlite-jdbc's
 * own rollback fails after SQLite rolled back by itself (SQLITE_FULL) and then leaves the connection committing
 * every statement on its own. A run of failures is logged when it starts and when it ends.
 */
final class LogWriter implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(LogWriter.class);
    private static final int MAX_BATCH = 2_000;
    private static final long IDLE_POLL_MS = 20;

    /** One queued operation, run inside the batch's transaction. */
    sealed interface Op {
        void fail(Throwable cause);
    }

    /** An event to store: its stored form, and the event decoded from it when that worked (for the tail). */
    record Append(String broker, long arrivalMillis, byte[] event, Optional<CloudEvent> decoded,
            CompletableFuture<Long> seq) implements Op {
        public void fail(Throwable cause) {
            seq.completeExceptionally(cause);
        }
    }

    record OpenTrigger(String trigger, String broker, CompletableFuture<TriggerPosition> position) implements Op {
        public void fail(Throwable cause) {
            position.completeExceptionally(cause);
        }
    }

    record RemoveTrigger(String trigger, CompletableFuture<Void> done) implements Op {
        public void fail(Throwable cause) {
            done.completeExceptionally(cause);
        }
    }

    record Prune(long arrivedBeforeMillis, long seqUpTo, CompletableFuture<Integer> deleted) implements Op {
        public void fail(Throwable cause) {
            deleted.completeExceptionally(cause);
        }
    }

    /** What makes a committed batch durable before its callers hear of it. */
    interface Durability {

        /** Nothing more: SQLite's own commit is as durable as wanted. */
        Durability NONE = (appended, committedSeq, syncAll) -> {
        };

        /**
         * Makes durable the batch committed up to {@code committedSeq}, which stored {@code appended};
         * {@code syncAll} when it changed more than events and positions (a Trigger opened or removed).
         */
        void persist(List<JournalRecord> appended, long committedSeq, boolean syncAll) throws IOException;
    }

    private record SavedPosition(String trigger, long lowWater, String finishedAbove) {
    }

    private final BlockingQueue<Op> queue = new LinkedBlockingQueue<>();
    private final Map<String, SavedPosition> positions = new ConcurrentHashMap<>();
    private final Connection connection;
    private final String database;
    private final Consumer<Set<String>> appended;
    private final EventTail tail;
    private final WriterStatements statements;
    private final Pruning pruning;
    private final Durability durability;
    private long failedBatches;
    private volatile long lastSeq;
    private volatile long commits;
    private volatile long bytesWritten;
    private volatile boolean stopping;

    LogWriter(Connection connection, String database, long lastSeq, Consumer<Set<String>> appended, EventTail tail,
            Durability durability, int pruneStepRows) {
        this.connection = connection;
        this.durability = durability;
        this.tail = tail;
        this.database = database;
        this.lastSeq = lastSeq;
        this.appended = appended;
        this.statements = new WriterStatements(connection);
        this.pruning = new Pruning(connection, database, pruneStepRows);
    }

    long lastSeq() {
        return lastSeq;
    }

    /** The bytes of events committed so far (only this thread writes it). */
    long bytesWritten() {
        return bytesWritten;
    }

    /** How many batches have been committed, each made durable with one sync (only this thread writes it). */
    long commits() {
        return commits;
    }

    void submit(Op op) {
        if (stopping) {
            op.fail(new LogFailure("the event log is closed"));
            return;
        }
        queue.add(op);
    }

    /** Records a Trigger's position to be written with the next batch (only the latest one per Trigger is kept). */
    void savePosition(String trigger, TriggerPosition position) {
        positions.put(trigger, new SavedPosition(trigger, position.lowWater(), position.encodeFinishedAbove()));
    }

    /** Asks the loop to write what is queued and end. */
    void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        List<Op> batch = new ArrayList<>();
        while (true) {
            try {
                // A prune under way goes on in the next batch, with whatever is queued by then or alone.
                Op first = queue.poll(pruning.pending() ? 0 : IDLE_POLL_MS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
            } catch (InterruptedException e) {
                stopping = true;
            }
            List<SavedPosition> moved = takePositions();
            if (stopping && batch.isEmpty()) {
                pruning.fail(new LogFailure("the event log is closed"));
            }
            if (!batch.isEmpty() || !moved.isEmpty() || pruning.pending()) {
                try {
                    runBatch(batch, moved);
                } catch (Error e) {
                    // The thread ends: no caller of this batch, nor a later one, may wait for an answer forever.
                    stopping = true;
                    LogFailure failure = new LogFailure("the event log writer failed: " + e, e);
                    batch.forEach(op -> op.fail(failure));
                    queue.forEach(op -> op.fail(failure));
                    pruning.fail(failure);
                    throw e;
                }
                batch.clear();
            } else if (stopping) {
                return;
            }
        }
    }

    private List<SavedPosition> takePositions() {
        List<SavedPosition> moved = new ArrayList<>();
        for (String trigger : List.copyOf(positions.keySet())) {
            SavedPosition saved = positions.remove(trigger);
            if (saved != null) {
                moved.add(saved);
            }
        }
        return moved;
    }

    private void runBatch(List<Op> batch, List<SavedPosition> moved) {
        long seq = lastSeq + batch.stream().filter(Append.class::isInstance).count();
        List<Runnable> completions = new ArrayList<>();
        Set<String> grown = new LinkedHashSet<>();
        try {
            statements.begin().execute();
            writeBatch(batch, moved, completions, grown);
            statements.commit().execute();
        } catch (SQLException | RuntimeException e) {
            statements.close();
            rollback();
            if (seq == lastSeq || storedLastSeq() != seq) {
                failed(batch, moved, e);
                return;
            }
            // The commit reported an error, yet the database holds the batch's appends (an I/O error after the
            // commit record was written): readers see them, so they are acknowledged like any other.
        }
        recovered();
        try {
            durability.persist(journaled(batch), seq, batch.stream().anyMatch(op -> op instanceof OpenTrigger
                    || op instanceof RemoveTrigger));
        } catch (IOException | RuntimeException e) {
            // SQLite holds the batch but it is not durable: its callers fail (their futures stay failed below); the
            // tail and the listeners still hear of it, as readers of SQLite would — delivered at least once.
            LogFailure failure = new LogFailure("syncing the event journal of " + database + " failed: " + e
                    + "; the events were not accepted", e);
            LOG.error("{}", failure.getMessage());
            batch.forEach(op -> op.fail(failure));
        }
        lastSeq = seq;
        commits++;
        bytesWritten += batch.stream().mapToLong(op -> op instanceof Append append ? append.event().length : 0)
                .sum();
        completions.forEach(Runnable::run);
        if (!grown.isEmpty()) {
            try {
                appended.accept(grown);
            } catch (RuntimeException e) {
                // A listener must not stop the one thread that writes the log.
                LOG.error("an append listener of {} failed", database, e);
            }
        }
    }

    /** The batch's appends as the journal keeps them, numbered on from {@link #lastSeq} as {@link #writeBatch} did. */
    private List<JournalRecord> journaled(List<Op> batch) {
        List<JournalRecord> records = new ArrayList<>();
        long seq = lastSeq;
        for (Op op : batch) {
            if (op instanceof Append append) {
                records.add(new JournalRecord(++seq, append.broker(), append.arrivalMillis(), append.event()));
            }
        }
        return records;
    }

    /** Runs the batch inside the open transaction, numbering its appends on from {@link #lastSeq}. */
    private void writeBatch(List<Op> batch, List<SavedPosition> moved, List<Runnable> completions, Set<String> grown)
            throws SQLException {
        long batchStart = lastSeq;
        long seq = batchStart;
        writePositions(moved);
        PreparedStatement insert = statements.insert();
        try {
            for (Op op : batch) {
                switch (op) {
                    case Append append -> {
                        long assigned = ++seq;
                        insert.setLong(1, assigned);
                        insert.setString(2, append.broker());
                        insert.setLong(3, append.arrivalMillis());
                        insert.setBytes(4, append.event());
                        insert.addBatch();
                        grown.add(append.broker());
                        completions.add(() -> {
                            tail.add(append.broker(), batchStart, assigned, append.decoded(), append.event().length);
                            append.seq().complete(assigned);
                        });
                    }
                    case OpenTrigger open -> {
                        insert.executeBatch();
                        TriggerPosition position = openTrigger(open, seq);
                        completions.add(() -> open.position().complete(position));
                    }
                    case RemoveTrigger remove -> {
                        removeTrigger(remove.trigger());
                        completions.add(() -> remove.done().complete(null));
                    }
                    case Prune prune -> pruning.add(prune);
                }
            }
            insert.executeBatch();
        } finally {
            insert.clearBatch(); // a failed batch leaves nothing queued for the next one
        }
        Optional<Runnable> pruned = pruning.step(seq, tail);
        pruned.ifPresent(completions::add);
        if (pruned.isPresent()) {
            // Only a batch that deletes writes the counter down (see LogSchema): one page less in every other commit.
            PreparedStatement meta = statements.lastSeq();
            meta.setLong(1, seq);
            meta.setString(2, LogSchema.LAST_SEQ);
            meta.executeUpdate();
        }
    }

    /**
     * A batch that was not stored: its callers fail, the positions it carried wait for the next batch (unless a newer
     * one came), and the sequence numbers go on from the database's.
     */
    private void failed(List<Op> batch, List<SavedPosition> moved, Exception e) {
        lastSeq = Math.max(lastSeq, storedLastSeq());
        moved.forEach(saved -> positions.putIfAbsent(saved.trigger(), saved));
        LogFailure failure = LogFailure.writing(database, e);
        pruning.fail(failure); // its steps so far in this batch were rolled back with it
        if (failedBatches++ == 0) {
            LOG.error("writes to the event log {} are failing: {}; events are refused until a write succeeds again",
                    database, failure.getMessage());
        }
        batch.forEach(op -> op.fail(failure));
    }

    private void recovered() {
        if (failedBatches > 0) {
            LOG.warn("writes to the event log {} succeed again, after {} failed batches", database, failedBatches);
            failedBatches = 0;
        }
    }

    private void writePositions(List<SavedPosition> moved) throws SQLException {
        if (moved.isEmpty()) {
            return;
        }
        PreparedStatement update = statements.position();
        try {
            for (SavedPosition saved : moved) {
                update.setLong(1, saved.lowWater());
                update.setString(2, saved.finishedAbove());
                update.setString(3, saved.trigger());
                update.addBatch();
            }
            update.executeBatch();
        } finally {
            update.clearBatch();
        }
    }

    private TriggerPosition openTrigger(OpenTrigger open, long head) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT broker, low_water, finished_above FROM triggers WHERE trigger = ?")) {
            query.setString(1, open.trigger());
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next() && rows.getString(1).equals(open.broker())) {
                    return TriggerPosition.decode(rows.getLong(2), rows.getString(3));
                }
            }
        }
        // A new Trigger (or one moved to another broker) starts with the events that arrive from now on.
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT OR REPLACE INTO triggers(trigger, broker, low_water, finished_above) VALUES (?, ?, ?, '')")) {
            upsert.setString(1, open.trigger());
            upsert.setString(2, open.broker());
            upsert.setLong(3, head);
            upsert.executeUpdate();
        }
        return TriggerPosition.at(head);
    }

    private void removeTrigger(String trigger) throws SQLException {
        positions.remove(trigger);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM triggers WHERE trigger = ?")) {
            delete.setString(1, trigger);
            delete.executeUpdate();
        }
    }

    private void rollback() {
        try {
            statements.rollback().execute();
        } catch (SQLException e) {
            // SQLite rolled back by itself (SQLITE_FULL): nothing is left to undo.
        }
    }

    /** The last sequence number the database holds; the one known here when it cannot be read. */
    private long storedLastSeq() {
        try {
            return LogSchema.lastSeq(connection);
        } catch (SQLException e) {
            return lastSeq;
        }
    }
}
