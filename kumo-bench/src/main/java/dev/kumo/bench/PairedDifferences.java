package dev.kumo.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Two measures taken in pairs, the i-th of one right beside the i-th of the other (a direct start, then Kumo's cold
 * start): the percentiles of each pair's difference. On a shared machine whose load drifts during a run, these are
 * steadier than the difference of the two measures' own percentiles, since both halves of a pair met the same load.
 */
final class PairedDifferences {

    private final List<Long> baseline = new ArrayList<>();
    private final List<Long> measured = new ArrayList<>();

    /** The baseline's next sample. */
    synchronized void baseline(long nanos) {
        baseline.add(nanos);
    }

    /** The measured side's next sample, paired with the baseline's sample of the same rank. */
    synchronized void measured(long nanos) {
        measured.add(nanos);
    }

    /** How many complete pairs there are. */
    synchronized int count() {
        return Math.min(baseline.size(), measured.size());
    }

    /** The given percentile (0–100) of measured − baseline over the complete pairs, in milliseconds. */
    synchronized double percentileMillis(double percentile) {
        int pairs = count();
        Latencies differences = new Latencies(pairs);
        for (int i = 0; i < pairs; i++) {
            differences.record(measured.get(i) - baseline.get(i));
        }
        return differences.percentileMillis(percentile);
    }
}
