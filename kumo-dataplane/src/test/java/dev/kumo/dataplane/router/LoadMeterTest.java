package dev.kumo.dataplane.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** The time-weighted average, driven by a manual clock in milliseconds (as nanoseconds). */
class LoadMeterTest {

    private static final long MS = 1_000_000;

    @Test
    void averageWeighsEachLevelByHowLongItLasted() {
        LoadMeter meter = new LoadMeter(0);
        meter.arrive(0);          // 1 for 250 ms
        meter.arrive(250 * MS);   // 2 for 250 ms
        meter.arrive(500 * MS);   // 3 for 500 ms
        LoadWindow window = meter.rollUp(1000 * MS);

        assertThat(window.averageConcurrency()).isCloseTo((0.25 * 1 + 0.25 * 2 + 0.5 * 3), offset(1e-9));
        assertThat(window.arrivals()).isEqualTo(3);
        assertThat(window.nanos()).isEqualTo(1000 * MS);
    }

    @Test
    void requestsStillInFlightCarryIntoTheNextWindowButArrivalsDoNot() {
        LoadMeter meter = new LoadMeter(0);
        meter.arrive(500 * MS);
        meter.arrive(500 * MS);
        meter.rollUp(1000 * MS);

        meter.leave(1250 * MS);
        LoadWindow second = meter.rollUp(2000 * MS);

        assertThat(second.averageConcurrency()).isCloseTo(0.25 * 2 + 0.75 * 1, offset(1e-9));
        assertThat(second.arrivals()).isZero();
        assertThat(meter.inFlight()).isEqualTo(1);
    }

    @Test
    void shortRequestsCountForTheTimeTheyTook() {
        LoadMeter meter = new LoadMeter(0);
        for (int i = 0; i < 100; i++) {
            meter.arrive(i * 10 * MS);
            meter.leave(i * 10 * MS + 2 * MS); // 2 ms each, 100 per second: 0.2 in flight on average
        }
        LoadWindow window = meter.rollUp(1000 * MS);

        assertThat(window.averageConcurrency()).isCloseTo(0.2, offset(1e-9));
        assertThat(window.arrivals()).isEqualTo(100);
    }

    @Test
    void anIdleWindowIsZeroAndAnEmptyOneDoesNotDivideByZero() {
        LoadMeter meter = new LoadMeter(5 * MS);

        assertThat(meter.rollUp(1005 * MS).averageConcurrency()).isZero();
        assertThat(meter.rollUp(1005 * MS).averageConcurrency()).isZero();
    }
}
