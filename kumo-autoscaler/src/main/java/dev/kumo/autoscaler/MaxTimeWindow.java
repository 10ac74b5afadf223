package dev.kumo.autoscaler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * The largest value recorded over the last {@code duration}, in buckets of {@code granularity}: Knative's
 * {@code max.TimeWindow} (pkg/autoscaler/aggregation/max), which holds scale-down decisions for
 * {@code scale-down-delay}. Kept as a deque of descending maxima, so recording and reading are O(1) amortized.
 */
final class MaxTimeWindow {

    private record Entry(long index, int value) {
    }

    private final Duration duration;
    private final long granularitySeconds;
    private final long buckets;
    private final ArrayDeque<Entry> maxima = new ArrayDeque<>();

    MaxTimeWindow(Duration duration, Duration granularity) {
        this.duration = duration;
        this.granularitySeconds = granularity.toSeconds();
        this.buckets = (long) Math.ceil((double) duration.toMillis() / granularity.toMillis());
    }

    Duration duration() {
        return duration;
    }

    /** Records {@code value} at {@code now}. */
    void record(Instant now, int value) {
        long index = now.getEpochSecond() / granularitySeconds;
        // A value not above the new one can never be the maximum again: the new one is larger and more recent.
        while (!maxima.isEmpty() && value >= maxima.peekLast().value()) {
            maxima.pollLast();
        }
        while (!maxima.isEmpty() && index - maxima.peekFirst().index() >= buckets) {
            maxima.pollFirst();
        }
        int kept = value;
        if (!maxima.isEmpty() && maxima.peekLast().index() == index) {
            kept = Math.max(kept, maxima.pollLast().value());
        }
        maxima.addLast(new Entry(index, kept));
    }

    /** The largest value recorded within the window, 0 before any. */
    int current() {
        return maxima.isEmpty() ? 0 : maxima.peekFirst().value();
    }
}
