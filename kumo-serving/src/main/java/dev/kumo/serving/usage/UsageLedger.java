package dev.kumo.serving.usage;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Usage not yet stored, in buckets of {@link #BUCKET_SECONDS} per key; thread-safe. Time spans are split at bucket
 * boundaries, so a bucket holds exactly the instance time that fell in its minute. Each addition is also told to the
 * {@link Listener} (the {@code /metrics} counters).
 */
public final class UsageLedger {

    /** A bucket's length: one minute. */
    public static final long BUCKET_SECONDS = 60;

    /** Told of every addition, on the adding thread. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (key, counts) -> { };

        void added(UsageKey key, UsageCounts counts);
    }

    /** One key's bucket starting at {@code startEpochSecond}. */
    public record Bucket(long startEpochSecond, UsageKey key) {
    }

    private final Map<Bucket, UsageCounts> pending = new ConcurrentHashMap<>();
    private final Listener listener;

    public UsageLedger(Listener listener) {
        this.listener = listener;
    }

    /** Adds {@code counts} to {@code key}'s bucket holding {@code at}. */
    public void add(UsageKey key, Instant at, UsageCounts counts) {
        pending.merge(new Bucket(bucketOf(at.getEpochSecond()), key), counts, UsageCounts::plus);
        listener.added(key, counts);
    }

    /**
     * Adds one instance's run from {@code from} to {@code to}: its seconds, times {@code memoryGib} and (when
     * {@code cpus} is not negative) times {@code cpus}, split across the buckets the span crosses.
     */
    public void addRun(UsageKey key, Instant from, Instant to, double memoryGib, double cpus) {
        Instant start = from;
        while (start.isBefore(to)) {
            Instant bucketEnd = Instant.ofEpochSecond(bucketOf(start.getEpochSecond()) + BUCKET_SECONDS);
            Instant end = bucketEnd.isBefore(to) ? bucketEnd : to;
            double seconds = (end.toEpochMilli() - start.toEpochMilli()) / 1000.0;
            add(key, start, new UsageCounts(0, seconds, seconds * memoryGib, cpus < 0 ? 0 : seconds * cpus, 0, 0));
            start = end;
        }
    }

    /** Takes out everything added so far, by bucket. */
    public Map<Bucket, UsageCounts> drain() {
        Map<Bucket, UsageCounts> taken = new HashMap<>();
        for (Bucket bucket : pending.keySet()) {
            UsageCounts counts = pending.remove(bucket);
            if (counts != null) {
                taken.merge(bucket, counts, UsageCounts::plus);
            }
        }
        return taken;
    }

    /** Puts back what {@link #drain} took (storing it failed): it is stored with the next flush. */
    public void restore(Map<Bucket, UsageCounts> taken) {
        taken.forEach((bucket, counts) -> pending.merge(bucket, counts, UsageCounts::plus));
    }

    static long bucketOf(long epochSecond) {
        return Math.floorDiv(epochSecond, BUCKET_SECONDS) * BUCKET_SECONDS;
    }
}
