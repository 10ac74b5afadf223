package dev.kumo.autoscaler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers from Knative's pkg/autoscaler/aggregation/bucketing_test.go, one second per bucket. */
class TimedBucketsTest {

    private static final long T0 = 1_700_000_000L;

    /** TestTimedFloat64BucketsWindowAverage. */
    @Test
    void averagesOverTheWrittenPartOfTheWindow() {
        TimedBuckets buckets = new TimedBuckets(5);
        buckets.record(T0, 1);
        assertThat(buckets.windowAverage(T0)).as("one write, not diluted to 0.2").isEqualTo(1);
        for (int i = 1; i < 5; i++) {
            buckets.record(T0 + i, i + 1);
        }
        assertThat(buckets.windowAverage(T0 + 4)).isEqualTo(15.0 / 5);
        assertThat(buckets.windowAverage(T0 + 3)).as("now lags behind").isEqualTo(15.0 / 5);
        assertThat(buckets.windowAverage(T0 + 6)).as("short hole").isEqualTo((15.0 - 1 - 2) / (5 - 2));
        assertThat(buckets.windowAverage(T0 + 10)).as("a whole window without data").isZero();

        buckets.record(T0 + 6, 91);
        assertThat(buckets.windowAverage(T0 + 6)).as("write after a hole").isEqualTo((15.0 - 1 - 2 + 91) / 5);

        long now = T0 + 60;
        buckets.record(now, 1984);
        assertThat(buckets.windowAverage(now)).as("restart after a long gap").isEqualTo(1984);
        buckets.record(now - 3, 4);
        assertThat(buckets.windowAverage(now)).as("an earlier second").isEqualTo((4.0 + 1984) / 4);
        now++;
        buckets.record(now, 5);
        assertThat(buckets.windowAverage(now)).isEqualTo((4.0 + 1984 + 5) / 5);
        buckets.record(now - 3, 10);
        assertThat(buckets.windowAverage(now)).isEqualTo((4.0 + 10 + 1984 + 5) / 5);
        buckets.record(now - 6, 10);
        buckets.record(now - 5, 10);
        assertThat(buckets.windowAverage(now)).as("seconds a window old are ignored")
                .isEqualTo((4.0 + 10 + 1984 + 5) / 5);
        buckets.record(now + 5, 10);
        assertThat(buckets.windowAverage(now + 5)).as("exactly a window without data starts over").isEqualTo(10);
    }

    /** TestDescendingRecord. */
    @Test
    void acceptsSecondsInDescendingOrder() {
        TimedBuckets buckets = new TimedBuckets(5);
        for (int i = 8; i >= 0; i--) {
            buckets.record(T0 + i, 5);
        }
        assertThat(buckets.windowAverage(T0 + 5)).isEqualTo(5);
    }

    /** TestTimedFloat64BucketsResizeWindow. */
    @Test
    void resizingKeepsTheRecentBuckets() {
        TimedBuckets buckets = new TimedBuckets(5);
        for (int i = 0; i <= 5; i++) {
            buckets.record(T0 + i, i + 1);
        }
        long now = T0 + 5;
        double initial = 2 + 3 + 4 + 5 + 6;
        assertThat(buckets.windowAverage(now)).isEqualTo(initial / 5);

        buckets.resize(10, now);
        assertThat(buckets.windowAverage(now)).as("still at most 5 buckets of data").isEqualTo(initial / 5);
        now++;
        buckets.record(now, 7);
        assertThat(buckets.windowAverage(now)).isEqualTo(Math.round((initial + 7) / 6 * 1e6) / 1e6);

        buckets.resize(4, now);
        assertThat(buckets.windowAverage(now)).as("the two oldest are gone").isEqualTo((initial + 7 - 2 - 3) / 4);
    }

    @Test
    void resizingAPartlyFilledWindowDoesNotDiluteIt() {
        TimedBuckets buckets = new TimedBuckets(60);
        buckets.record(T0, 6);
        buckets.record(T0 + 1, 6);
        buckets.resize(30, T0 + 1);
        assertThat(buckets.windowAverage(T0 + 1)).isEqualTo(6);
    }

    @Test
    void isEmptyAfterAWholeWindowWithoutWrites() {
        TimedBuckets buckets = new TimedBuckets(6);
        assertThat(buckets.isEmpty(T0)).isTrue();
        buckets.record(T0, 1);
        assertThat(buckets.isEmpty(T0 + 6)).isFalse();
        assertThat(buckets.isEmpty(T0 + 7)).isTrue();
    }
}
