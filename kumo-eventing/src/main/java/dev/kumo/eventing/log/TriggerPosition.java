package dev.kumo.eventing.log;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * How far a Trigger has got through its broker's events, with deliveries finishing out of order: every event up to
 * the low-water mark is finished, and so are the listed ones above it. Sequence numbers are the log's, shared by
 * every stream, so a stream's own events have gaps between them: the reader says which of the stream's events it
 * has {@linkplain #read read} (in order), and the mark moves over the gaps up to the oldest read event not yet
 * finished. Not thread-safe.
 */
public final class TriggerPosition {

    private long lowWater;
    private final TreeSet<Long> finishedAbove;
    /** Events read and not finished yet. */
    private final TreeSet<Long> unfinished = new TreeSet<>();
    /** The newest event read: every event of the stream up to it has been read. */
    private long readUpTo;

    private TriggerPosition(long lowWater, TreeSet<Long> finishedAbove) {
        this.lowWater = lowWater;
        this.finishedAbove = finishedAbove;
        this.readUpTo = lowWater;
    }

    /** A position where everything up to {@code lowWater} is finished and nothing above it. */
    public static TriggerPosition at(long lowWater) {
        return new TriggerPosition(lowWater, new TreeSet<>());
    }

    /** Reads back what {@link #encodeFinishedAbove()} wrote. */
    public static TriggerPosition decode(long lowWater, String finishedAbove) {
        TriggerPosition position = at(lowWater);
        if (!finishedAbove.isEmpty()) {
            for (String offset : finishedAbove.split(",")) {
                position.finishedAbove.add(lowWater + Long.parseLong(offset));
            }
        }
        return position;
    }

    /**
     * The stream's next event, {@code seq}, was read: no event of the stream lies between the one read before and it.
     * The reader reads the stream in order from the low-water mark on (again from there after a restart).
     */
    public void read(long seq) {
        if (seq <= readUpTo) {
            return; // read again (a page read once more after a failure): known already
        }
        readUpTo = seq;
        if (!isFinished(seq)) {
            unfinished.add(seq);
        }
        advance();
    }

    /** Marks {@code seq} finished; the low-water mark moves up over every finished event that now joins it. */
    public void finish(long seq) {
        if (seq <= lowWater) {
            return;
        }
        unfinished.remove(seq);
        finishedAbove.add(seq);
        advance();
    }

    /**
     * Moves the mark up to just below the oldest read event not finished (all read so far, when none), and on over
     * finished events that join it.
     */
    private void advance() {
        long mark = unfinished.isEmpty() ? readUpTo : unfinished.first() - 1;
        if (mark > lowWater) {
            lowWater = mark;
            finishedAbove.headSet(mark, true).clear();
        }
        while (!finishedAbove.isEmpty() && finishedAbove.first() == lowWater + 1) {
            lowWater = finishedAbove.pollFirst();
        }
        readUpTo = Math.max(readUpTo, lowWater);
    }

    public boolean isFinished(long seq) {
        return seq <= lowWater || finishedAbove.contains(seq);
    }

    public long lowWater() {
        return lowWater;
    }

    /**
     * How many of the stream's events it holds above the low-water mark: read and not finished, or finished above
     * an unfinished one (what a dispatcher's read-ahead bounds; other streams' numbers between them do not count).
     */
    public int heldAboveMark() {
        // Finished numbers above what was read come from before a restart: not held by this reader (yet).
        int finished = finishedAbove.isEmpty() || finishedAbove.last() <= readUpTo ? finishedAbove.size()
                : finishedAbove.headSet(readUpTo, true).size();
        return unfinished.size() + finished;
    }

    /** How many events above the low-water mark are finished. */
    public int finishedAboveCount() {
        return finishedAbove.size();
    }

    /** The finished events above the low-water mark as comma-separated offsets from it (compact in the database). */
    public String encodeFinishedAbove() {
        List<String> offsets = new ArrayList<>(finishedAbove.size());
        for (long seq : finishedAbove) {
            offsets.add(Long.toString(seq - lowWater));
        }
        return String.join(",", offsets);
    }
}
