package dev.kumo.eventing.log;

import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.TriggerRef;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * The durable event log in one SQLite file (WAL): appends are group-committed by one writer thread and acknowledged
 * only once durable — with {@code fsync}, once the batch is synced in the {@link IngressJournal} (SQLite itself
 * commits with {@code synchronous=NORMAL}; the journal gives back what SQLite lost at the next open); Triggers read
 * their broker's events lazily, a page at a time, from the newest events kept in memory ({@link EventTail}) or,
 * further back, from a small pool of readers;
 * each Trigger's position (low-water mark plus what finished above it) is written with the next batch.
 */
public final class EventLog implements AutoCloseable {

    private static final int READERS = 4;
    /**
     * What each stream keeps of its newest events in memory for the readers: events, bytes of stored form. A Trigger
     * that keeps up reads at most its deliveries in flight plus a page behind the head (100 + 256 by default), so
     * 1,024 covers it three times over; more only lengthened each young collection, which copies the tail it finds
     * live, and promoted tail events to the old generation (4,096: about 1 MiB a collection at 64 producers).
     */
    private static final int TAIL_EVENTS = 1_024;
    private static final long TAIL_BYTES = 2L << 20;
    /** A checkpoint once about this much was written (SQLite's own default: 1,000 pages of 4 KiB), looked at often. */
    private static final long CHECKPOINT_BYTES = 4L << 20;
    private static final Duration CHECKPOINT_PERIOD = Duration.ofMillis(100);
    /** With the journal, SQLite's files are synced once this much was written: a quarter of a journal file. */
    private static final long SYNC_BYTES = IngressJournal.FILE_BYTES / 4;
    /**
     * The most events one step of a prune deletes, one step per batch ({@link Pruning}): at 1–3 µs of the writer's
     * CPU each, a step holds the 202s of its batch for a few milliseconds (its CPU 1–10 ms under the bench, README
     * evperf8), where a whole prune of a second's events took tens to hundreds.
     */
    static final int PRUNE_STEP_ROWS = 1_000;

    private final Path database;
    private final DataFileLock lock;
    private final Connection writerConnection;
    private final Durable durable;
    private final List<AutoCloseable> durableFiles;
    private final LogWriter writer;
    private volatile Thread writerThread;
    private volatile Checkpointer checkpointer;
    private final BlockingQueue<Reader> readers;
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();
    private final Retention retention;
    private final InstantSource clock;
    private final EventTail tail = new EventTail(TAIL_EVENTS, TAIL_BYTES);
    private CompletableFuture<Integer> pruning = CompletableFuture.completedFuture(0);

    private EventLog(Path database, DataFileLock lock, Connection writerConnection, Durable durable,
            List<AutoCloseable> durableFiles, BlockingQueue<Reader> readers, Retention retention, InstantSource clock,
            int pruneStepRows) {
        this.database = database;
        this.lock = lock;
        this.writerConnection = writerConnection;
        this.durable = durable;
        this.durableFiles = durableFiles;
        this.readers = readers;
        this.retention = retention;
        this.clock = clock;
        this.writer = new LogWriter(writerConnection, database.toString(), durable.lastSeq(), this::tellListeners,
                tail, durable.journal(), pruneStepRows);
    }

    /**
     * Starts the checkpoints and the writer thread (not in the constructor: nothing starts before the log is whole).
     */
    private EventLog startWriter(Connection checkpoints) throws SQLException {
        checkpointer = Checkpointer.start(writerConnection, checkpoints, writer::bytesWritten, CHECKPOINT_BYTES,
                CHECKPOINT_PERIOD, durable.sqlite(), writer::lastSeq, SYNC_BYTES);
        writerThread = Thread.ofPlatform().name("kumo-event-log-writer").daemon().start(writer);
        return this;
    }

    /**
     * Opens (creating when missing) the log at {@code database}; {@code fsync} makes each acknowledged event
     * survive power loss (the {@link IngressJournal}), else only a crash of the process.
     */
    public static EventLog open(Path database, boolean fsync, Retention retention, InstantSource clock) {
        return open(database, fsync, retention, clock, PRUNE_STEP_ROWS);
    }

    /** As {@link #open(Path, boolean, Retention, InstantSource)}, each prune step deleting at most so many events. */
    static EventLog open(Path database, boolean fsync, Retention retention, InstantSource clock, int pruneStepRows) {
        DataFileLock lock = DataFileLock.acquire(database);
        List<Connection> opened = new ArrayList<>();
        List<AutoCloseable> durableFiles = new ArrayList<>();
        try {
            LogSchema schema = new LogSchema(database);
            Connection writer = schema.connect();
            opened.add(writer);
            Durable durable = Durable.open(database, fsync, writer, schema.migrate(writer), durableFiles);
            BlockingQueue<Reader> readers = new ArrayBlockingQueue<>(READERS);
            for (int i = 0; i < READERS; i++) {
                Connection reader = schema.connect();
                opened.add(reader);
                readers.add(new Reader(reader));
            }
            Connection checkpoints = schema.connect();
            opened.add(checkpoints);
            return new EventLog(database, lock, writer, durable, durableFiles, readers, retention, clock,
                    pruneStepRows).startWriter(checkpoints);
        } catch (SQLException | IOException | RuntimeException e) {
            opened.forEach(EventLog::closeQuietly);
            Durable.close(durableFiles); // after SQLite's connections: see SqliteSync
            lock.close();
            throw new LogFailure("opening the event log " + database + ": " + e.getMessage(), e);
        }
    }

    /** Stores {@code event} for {@code broker}; the future completes with its sequence number once durable. */
    public CompletableFuture<Long> append(BrokerRef broker, CloudEvent event, Instant arrival) {
        byte[] bytes = EventCodec.encode(event);
        Optional<CloudEvent> decoded;
        try {
            decoded = Optional.of(EventCodec.decode(bytes));
        } catch (RuntimeException e) {
            decoded = Optional.empty(); // stored all the same; readers find it unreadable, as in SQLite
        }
        return append(broker.toString(), arrival, bytes, decoded);
    }

    /** Stores {@code event}, already in its stored form, for {@code broker}; completes once durable. */
    public CompletableFuture<Long> append(BrokerRef broker, Encoded event, Instant arrival) {
        return append(broker.toString(), arrival, event.bytes(), Optional.of(event.event()));
    }

    private CompletableFuture<Long> append(String broker, Instant arrival, byte[] bytes, Optional<CloudEvent> decoded) {
        CompletableFuture<Long> seq = new CompletableFuture<>();
        writer.submit(new LogWriter.Append(broker, arrival.toEpochMilli(), bytes, decoded, seq));
        return seq;
    }

    /**
     * Up to {@code limit} events of {@code broker} after {@code afterSeq}, oldest first: from the events kept in
     * memory when they reach back that far, else from SQLite.
     */
    public List<StoredEvent> read(BrokerRef broker, long afterSeq, int limit) {
        Optional<List<StoredEvent>> recent = tail.read(broker.toString(), afterSeq, limit);
        if (recent.isPresent()) {
            return recent.get();
        }
        Reader reader = takeReader();
        try {
            PreparedStatement query = reader.page();
            query.setString(1, broker.toString());
            query.setLong(2, afterSeq);
            query.setInt(3, limit);
            List<StoredEvent> page = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    page.add(StoredEvent.decode(rows.getLong(1), rows.getBytes(2)));
                }
            }
            return page;
        } catch (SQLException e) {
            throw new LogFailure("reading events of broker " + broker + " from " + database + ": " + e.getMessage(),
                    e);
        } finally {
            readers.add(reader);
        }
    }

    /**
     * The stored position of {@code trigger}, or for a Trigger the log has not seen (or that changed broker) a new
     * position at the log's head, stored before this returns.
     */
    public TriggerPosition openTrigger(TriggerRef trigger, BrokerRef broker) {
        CompletableFuture<TriggerPosition> position = new CompletableFuture<>();
        writer.submit(new LogWriter.OpenTrigger(trigger.toString(), broker.toString(), position));
        return await(position, "opening the position of trigger " + trigger);
    }

    /** Writes {@code position} with the next batch; a crash before that only means some events are delivered again. */
    public void savePosition(TriggerRef trigger, TriggerPosition position) {
        writer.savePosition(trigger.toString(), position);
    }

    /** Forgets {@code trigger}'s position, so that it no longer holds back retention. */
    public void removeTrigger(TriggerRef trigger) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        writer.submit(new LogWriter.RemoveTrigger(trigger.toString(), done));
        await(done, "removing trigger " + trigger);
    }

    /**
     * Deletes the finished events retention lets go, a bounded step in each of the writer's next batches; returns how
     * many. Asked again before that prune is done, it returns the same prune: a timer asking every second never
     * piles prunes up behind a slow one.
     */
    public synchronized CompletableFuture<Integer> prune() {
        if (pruning.isDone()) {
            CompletableFuture<Integer> deleted = new CompletableFuture<>();
            pruning = deleted;
            writer.submit(new LogWriter.Prune(retention.arrivedBefore(clock.instant()).toEpochMilli(),
                    retention.seqUpTo(writer.lastSeq()), deleted));
        }
        return pruning;
    }

    /** Calls {@code listener} (on the writer thread, keep it short) with the brokers that got events in a commit. */
    public void onAppend(Consumer<Set<String>> listener) {
        listeners.add(listener);
    }

    /** The newest sequence number handed out. */
    public long lastSeq() {
        return writer.lastSeq();
    }

    /** How many transactions the writer has committed — one sync each, however many events they carried. */
    public long commits() {
        return writer.commits();
    }

    /** The streams (as {@link BrokerRef#toString()}) the log holds events or positions of. */
    public Set<String> streams() {
        Reader reader = takeReader();
        try (PreparedStatement query = reader.connection().prepareStatement(
                "SELECT DISTINCT broker FROM events UNION SELECT broker FROM triggers");
                ResultSet rows = query.executeQuery()) {
            Set<String> streams = new HashSet<>();
            while (rows.next()) {
                streams.add(rows.getString(1));
            }
            return streams;
        } catch (SQLException e) {
            throw new LogFailure("listing the streams in " + database + ": " + e.getMessage(), e);
        } finally {
            readers.add(reader);
        }
    }

    /** How many events the log holds (for tests and status). */
    public long size() {
        Reader reader = takeReader();
        try (PreparedStatement query = reader.connection().prepareStatement("SELECT COUNT(*) FROM events");
                ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        } catch (SQLException e) {
            throw new LogFailure("counting events in " + database + ": " + e.getMessage(), e);
        } finally {
            readers.add(reader);
        }
    }

    /**
     * Lets the log grow by at most {@code pages} more pages (SQLite's {@code max_page_count} on the writer): past
     * that, writes fail with SQLITE_FULL exactly as on a full disk. For tests of what a full disk does.
     */
    void limitGrowth(long pages) {
        try (Statement statement = writerConnection.createStatement();
                ResultSet size = statement.executeQuery("PRAGMA page_count")) {
            long current = size.next() ? size.getLong(1) : 0;
            statement.execute("PRAGMA max_page_count = " + (current + pages));
        } catch (SQLException e) {
            throw new LogFailure("limiting the size of " + database + ": " + e.getMessage(), e);
        }
    }

    /** Writes what is queued (positions included), then closes the database and releases its lock. */
    @Override
    public void close() {
        writer.stop();
        try {
            writerThread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checkpointer.close();
        closeQuietly(writerConnection);
        for (int i = 0; i < READERS; i++) {
            closeQuietly(takeReader().connection());
        }
        Durable.close(durableFiles); // after SQLite's connections: see SqliteSync
        lock.close();
    }

    private void tellListeners(Set<String> brokers) {
        listeners.forEach(listener -> listener.accept(brokers));
    }

    private Reader takeReader() {
        try {
            return readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogFailure("interrupted waiting for a reader of " + database);
        }
    }

    private static <T> T await(CompletableFuture<T> future, String doing) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new LogFailure(doing + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogFailure(doing + ": interrupted");
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing anyway.
        }
    }

    /** A reading connection with its page query prepared once. */
    private record Reader(Connection connection, PreparedStatement page) {
        Reader(Connection connection) throws SQLException {
            this(connection, connection.prepareStatement(
                    "SELECT seq, event FROM events WHERE broker = ? AND seq > ? ORDER BY seq LIMIT ?"));
        }
    }
}
