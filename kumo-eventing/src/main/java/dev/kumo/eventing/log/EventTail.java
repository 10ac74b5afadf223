package dev.kumo.eventing.log;

import io.cloudevents.CloudEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The newest events of each stream, decoded, kept in memory once committed, so that dispatchers reading close behind
 * the head need neither a query nor a decode per event. Each stream's tail holds every event of the stream after its
 * {@code coveredAfter} sequence number, at most {@code maxEvents} and about {@code maxBytes} of stored form: a read
 * after that point is answered here (perhaps short of the newest: those are added before readers are woken for them),
 * an older read goes to SQLite. The writer thread adds; any thread reads.
 */
final class EventTail {

    private final int maxEvents;
    private final long maxBytes;
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();

    EventTail(int maxEvents, long maxBytes) {
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
    }

    /**
     * Called by the writer for each append of a committed batch, in sequence order: {@code seq} of {@code stream}, in
     * a batch whose events are numbered after {@code batchStart}; {@code event} is empty when its stored form did not
     * decode, and the tail then covers only what comes after it.
     */
    void add(String stream, long batchStart, long seq, Optional<CloudEvent> event, int bytes) {
        if (event.isEmpty()) {
            streams.put(stream, new Stream(seq));
            return;
        }
        Stream tail = streams.computeIfAbsent(stream, s -> new Stream(batchStart));
        tail.events.put(seq, new Held(new StoredEvent(seq, event.get()), bytes));
        tail.count++;
        tail.bytes += bytes;
        while (tail.count > maxEvents || (tail.bytes > maxBytes && tail.count > 1)) {
            long oldest = tail.events.firstKey();
            // Covered-after moves first: a reader that misses the evicted event sees that it has to ask SQLite.
            tail.coveredAfter = oldest;
            tail.bytes -= tail.events.remove(oldest).bytes();
            tail.count--;
        }
    }

    /**
     * Retention deleted the events of {@code stream} up to {@code upTo}: the tail lets them go too and covers only
     * what comes after (a read from further back goes to SQLite, which no longer has them either). The events after
     * stay, even those appended in the same batch as the deletion.
     */
    void trim(String stream, long upTo) {
        Stream tail = streams.get(stream);
        if (tail == null || upTo <= tail.coveredAfter) {
            return;
        }
        tail.coveredAfter = upTo;
        for (Map.Entry<Long, Held> held : tail.events.headMap(upTo, true).entrySet()) {
            if (tail.events.remove(held.getKey()) != null) {
                tail.bytes -= held.getValue().bytes();
                tail.count--;
            }
        }
    }

    /**
     * Retention deleted, of every stream, every event of the range it just went over up to {@code upTo}: each stream's
     * tail lets go of everything up to there ({@link #trim}); an event before that range that an earlier prune step
     * kept, unfinished then, is read from SQLite instead.
     */
    void trimAll(long upTo) {
        streams.keySet().forEach(stream -> trim(stream, upTo));
    }

    /** Up to {@code limit} events of {@code stream} after {@code afterSeq}, oldest first; empty when not held here. */
    Optional<List<StoredEvent>> read(String stream, long afterSeq, int limit) {
        Stream tail = streams.get(stream);
        if (tail == null || afterSeq < tail.coveredAfter) {
            return Optional.empty();
        }
        List<StoredEvent> page = new ArrayList<>(Math.min(limit, 64));
        for (Held held : tail.events.tailMap(afterSeq, false).values()) {
            if (page.size() == limit) {
                break;
            }
            page.add(held.event());
        }
        return afterSeq < tail.coveredAfter ? Optional.empty() : Optional.of(page);
    }

    /** An event held, with the size of its stored form. */
    private record Held(StoredEvent event, int bytes) {
    }

    /** One stream's tail: its events by sequence number; the count and bytes are the writer's alone. */
    private static final class Stream {

        final ConcurrentSkipListMap<Long, Held> events = new ConcurrentSkipListMap<>();
        volatile long coveredAfter;
        int count;
        long bytes;

        Stream(long coveredAfter) {
            this.coveredAfter = coveredAfter;
        }
    }
}
