package dev.kumo.serving.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kumo.runtime.spi.ResourceSample;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** An instance timeline driven by hand-made instants → instance seconds, GiB-seconds and CPU seconds per bucket. */
class InstanceTimelineTest {

    private static final UsageKey HELLO_1 = new UsageKey("default", "hello", "hello-00001");
    private static final UsageKey HELLO_2 = new UsageKey("default", "hello", "hello-00002");
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private static final InstanceTimeline.Sizing HALF_GIB_TWO_CPUS =
            new InstanceTimeline.Sizing(OptionalDouble.of(0.5), OptionalDouble.of(2));

    private final UsageLedger ledger = new UsageLedger(UsageLedger.Listener.NONE);
    private final InstanceTimeline timeline = new InstanceTimeline(ledger);

    @Test
    void anInstanceWithLimitsCountsItsSecondsTimesItsMemoryAndCpuLimits() {
        timeline.running("a", HELLO_1, HALF_GIB_TWO_CPUS, T0.plusSeconds(10));
        timeline.running("a", HELLO_1, HALF_GIB_TWO_CPUS, T0.plusSeconds(12)); // Starting → Ready: still one run
        timeline.stopped("a", T0.plusSeconds(40));

        UsageCounts total = sum(ledger.drain());
        assertThat(total.instanceSeconds()).isCloseTo(30, within(1e-9));
        assertThat(total.memoryGibSeconds()).isCloseTo(15, within(1e-9));
        assertThat(total.cpuSeconds()).isCloseTo(60, within(1e-9));
    }

    @Test
    void aRunAcrossMinutesIsSplitIntoTheirBuckets() {
        timeline.running("a", HELLO_1, HALF_GIB_TWO_CPUS, T0.plusSeconds(50));
        timeline.stopped("a", T0.plusSeconds(130));

        Map<UsageLedger.Bucket, UsageCounts> buckets = ledger.drain();
        assertThat(buckets).hasSize(3);
        assertThat(buckets.get(new UsageLedger.Bucket(T0.getEpochSecond(), HELLO_1)).instanceSeconds())
                .isCloseTo(10, within(1e-9));
        assertThat(buckets.get(new UsageLedger.Bucket(T0.getEpochSecond() + 60, HELLO_1)).instanceSeconds())
                .isCloseTo(60, within(1e-9));
        assertThat(buckets.get(new UsageLedger.Bucket(T0.getEpochSecond() + 120, HELLO_1)).memoryGibSeconds())
                .isCloseTo(5, within(1e-9));
    }

    @Test
    void accrualCountsRunningInstancesUpToNowAndNeverTwice() {
        timeline.running("a", HELLO_1, HALF_GIB_TWO_CPUS, T0);
        timeline.running("b", HELLO_2, HALF_GIB_TWO_CPUS, T0.plusSeconds(20));
        timeline.accrue(T0.plusSeconds(30));
        timeline.accrue(T0.plusSeconds(30));
        Map<UsageLedger.Bucket, UsageCounts> first = ledger.drain();
        timeline.stopped("a", T0.plusSeconds(45));
        timeline.accrue(T0.plusSeconds(50));

        Map<UsageLedger.Bucket, UsageCounts> second = ledger.drain();
        assertThat(first.get(new UsageLedger.Bucket(T0.getEpochSecond(), HELLO_1)).instanceSeconds()).isEqualTo(30);
        assertThat(first.get(new UsageLedger.Bucket(T0.getEpochSecond(), HELLO_2)).instanceSeconds()).isEqualTo(10);
        assertThat(second.get(new UsageLedger.Bucket(T0.getEpochSecond(), HELLO_1)).instanceSeconds()).isEqualTo(15);
        assertThat(second.get(new UsageLedger.Bucket(T0.getEpochSecond(), HELLO_2)).instanceSeconds()).isEqualTo(20);
        assertThat(timeline.ids()).containsExactly("b");
    }

    @Test
    void withoutLimitsCpuIsWhatWasMeasuredAndMemoryTheLastSample() {
        timeline.running("a", HELLO_1, InstanceTimeline.Sizing.NONE, T0);
        timeline.measured("a", new ResourceSample(Duration.ofMillis(1500), OptionalLong.of(256L << 20)),
                T0.plusSeconds(10));
        timeline.accrue(T0.plusSeconds(10));
        timeline.measured("a", new ResourceSample(Duration.ofMillis(4000), OptionalLong.of(512L << 20)),
                T0.plusSeconds(20));
        timeline.stopped("a", T0.plusSeconds(20));

        UsageCounts total = sum(ledger.drain());
        assertThat(total.instanceSeconds()).isEqualTo(20);
        assertThat(total.cpuSeconds()).isCloseTo(4, within(1e-9));
        // Before the first sample nothing is known; then 0.25 GiB for 10 s, then 0.5 GiB for 10 s.
        assertThat(total.memoryGibSeconds()).isCloseTo(2.5 + 5, within(1e-9));
    }

    @Test
    void aStoppedOrUnknownInstanceCountsNothingMore() {
        timeline.stopped("never-ran", T0);
        timeline.measured("never-ran", new ResourceSample(Duration.ofSeconds(5), OptionalLong.empty()), T0);
        timeline.accrue(T0.plusSeconds(60));

        assertThat(ledger.drain()).isEmpty();
    }

    private static UsageCounts sum(Map<UsageLedger.Bucket, UsageCounts> buckets) {
        return buckets.values().stream().reduce(UsageCounts.ZERO, UsageCounts::plus);
    }
}
