package dev.kumo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cold-start bench's paired line: each cold start minus the direct start measured just before it. */
class PairedDifferencesTest {

    private static final long MS = 1_000_000;

    @Test
    void theMedianOfEachPairsDifferenceIsNotTheDifferenceOfTheMedians() {
        PairedDifferences gap = new PairedDifferences();
        long[][] pairs = {{10, 15}, {50, 54}, {20, 26}}; // the load rose for the second pair: both halves slowed
        Latencies direct = new Latencies(3);
        Latencies kumo = new Latencies(3);
        for (long[] pair : pairs) {
            gap.baseline(pair[0] * MS);
            gap.measured(pair[1] * MS);
            direct.record(pair[0] * MS);
            kumo.record(pair[1] * MS);
        }

        assertThat(gap.count()).isEqualTo(3);
        assertThat(gap.percentileMillis(50)).isEqualTo(5.0);
        assertThat(kumo.percentileMillis(50) - direct.percentileMillis(50)).as("the unpaired line").isEqualTo(6.0);
        assertThat(gap.percentileMillis(100)).isEqualTo(6.0);
    }

    @Test
    void aMeasureFasterThanItsBaselineGivesANegativeDifference() {
        PairedDifferences gap = new PairedDifferences();
        gap.baseline(12 * MS);
        gap.measured(9 * MS);

        assertThat(gap.percentileMillis(50)).isEqualTo(-3.0);
    }

    @Test
    void onlyCompletePairsCountWhicheverSideWasRecordedFirst() {
        PairedDifferences gap = new PairedDifferences();
        gap.measured(20 * MS); // the AOT rows record every baseline first, then every cold start: ranks still pair
        gap.baseline(8 * MS);
        gap.baseline(30 * MS);

        assertThat(gap.count()).isEqualTo(1);
        assertThat(gap.percentileMillis(50)).isEqualTo(12.0);
    }

    @Test
    void noPairYetIsNotANumber() {
        PairedDifferences gap = new PairedDifferences();
        gap.baseline(MS);

        assertThat(gap.count()).isZero();
        assertThat(gap.percentileMillis(50)).isNaN();
    }
}
