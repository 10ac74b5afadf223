package dev.kumo.bench;

import java.util.Arrays;

/** Recorded latencies of one operation, with throughput over the wall time they took. */
final class Latencies {

    private final long[] nanos;
    private int count;

    Latencies(int capacity) {
        this.nanos = new long[capacity];
    }

    synchronized void record(long elapsedNanos) {
        if (count < nanos.length) {
            nanos[count++] = elapsedNanos;
        }
    }

    synchronized int count() {
        return count;
    }

    /** The given percentile (0–100) in milliseconds. */
    synchronized double percentileMillis(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1_000_000.0;
    }

    /** "12,345/s  p50 0.61 ms  p99 3.20 ms" for operations that took {@code wallNanos} in all. */
    String summary(long wallNanos) {
        double perSecond = count() / (wallNanos / 1e9);
        return String.format("%,9.0f/s  p50 %6.2f ms  p99 %6.2f ms", perSecond, percentileMillis(50),
                percentileMillis(99));
    }
}
