package dev.kumo.autoscaler;

import java.util.Arrays;

/**
 * One-second buckets over a window, averaged the way Knative's {@code TimedFloat64Buckets} does it
 * (pkg/autoscaler/aggregation/bucketing.go): values recorded in the same second add up; the average is over the
 * seconds between the first and the last write only, so a window that is only partly filled (after a start, or
 * after a whole window without data) is not diluted by the seconds before the data began, and seconds after the
 * last write are not counted either; a gap shorter than the window in the middle of the data counts as zeros; a
 * window without any write averages 0. Not thread-safe: its owner synchronizes.
 */
final class TimedBuckets {

    /** Go's zero time: before any second a sample can carry, and far enough from the limits not to overflow. */
    private static final long NEVER = Long.MIN_VALUE / 4;
    /** Knative rounds averages to six digits so that float noise does not tip a {@code ceil}. */
    private static final double PRECISION = 1e6;

    private double[] buckets;
    private long firstWrite = NEVER;
    private long lastWrite = NEVER;
    private double windowTotal;

    TimedBuckets(long windowSeconds) {
        buckets = new double[checked(windowSeconds)];
    }

    long windowSeconds() {
        return buckets.length;
    }

    /** Adds {@code value} to the bucket of {@code second}; a second a whole window older than the last is dropped. */
    void record(long second, double value) {
        long window = buckets.length;
        if (lastWrite != second) {
            if (second + window <= lastWrite) {
                return;
            }
            if (firstWrite == NEVER || firstWrite > second) {
                firstWrite = second;
            }
            if (second > lastWrite) {
                if (second - lastWrite >= window) {
                    // A whole window without writes: start over, and average over a partial window again.
                    firstWrite = second;
                    Arrays.fill(buckets, 0);
                    windowTotal = 0;
                } else {
                    for (long s = lastWrite + 1; s <= second; s++) {
                        windowTotal -= buckets[index(s)];
                        buckets[index(s)] = 0;
                    }
                }
                lastWrite = second;
            }
        }
        buckets[index(second)] += value;
        windowTotal += value;
    }

    /** True when nothing was written during the window before {@code nowSecond}. */
    boolean isEmpty(long nowSecond) {
        return nowSecond - lastWrite > buckets.length;
    }

    /** The average per second over the valid part of the window that ends at {@code nowSecond}. */
    double windowAverage(long nowSecond) {
        long sinceLastWrite = nowSecond - lastWrite;
        long written = lastWrite - firstWrite + 1; // both ends inclusive
        if (sinceLastWrite <= 0) {
            return round(windowTotal / Math.min(written, buckets.length));
        }
        if (sinceLastWrite < buckets.length) {
            // Seconds after the last write hold data from a window ago: take them out and do not count them.
            double total = windowTotal;
            for (long s = lastWrite + 1; s <= nowSecond; s++) {
                total -= buckets[index(s)];
            }
            return round(total / Math.min(written, buckets.length - sinceLastWrite));
        }
        return 0;
    }

    /**
     * Changes the window to {@code windowSeconds}, keeping the most recent buckets that still fit when data was
     * written within the old window before {@code nowSecond} (Knative's {@code ResizeWindow}).
     */
    void resize(long windowSeconds, long nowSecond) {
        if (windowSeconds == buckets.length) {
            return;
        }
        double[] resized = new double[checked(windowSeconds)];
        double total = 0;
        if (nowSecond - lastWrite <= buckets.length) {
            int kept = Math.min(resized.length, buckets.length);
            for (long s = lastWrite; s > lastWrite - kept; s--) {
                double value = buckets[index(s)];
                resized[(int) Math.floorMod(s, (long) resized.length)] = value;
                total += value;
            }
            // Knative sets firstWrite to the start of the old window, which would dilute a partly filled one;
            // Kumo keeps the real first write when it is more recent (windows are resized once, at the first
            // decision, when samples came in before the revision's settings were known).
            firstWrite = Math.max(firstWrite, lastWrite - (buckets.length - 1));
        } else {
            firstWrite = NEVER;
        }
        buckets = resized;
        windowTotal = total;
    }

    private int index(long second) {
        return (int) Math.floorMod(second, (long) buckets.length);
    }

    private static double round(double value) {
        return Math.round(value * PRECISION) / PRECISION;
    }

    private static int checked(long windowSeconds) {
        if (windowSeconds < 1 || windowSeconds > 3600) {
            throw new IllegalArgumentException("window is " + windowSeconds + "s, want 1s to 1h");
        }
        return (int) windowSeconds;
    }
}
