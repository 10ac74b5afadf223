package dev.kumo.dataplane.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.kumo.autoscaler.metrics.LoadSample;
import org.junit.jupiter.api.Test;

/** The per-second roll-up across event loops, with a manual clock. */
class RevisionLoadTest {

    private static final long S = 1_000_000_000;

    @Test
    void loopsAreSummedIntoOneSamplePerTick() {
        RevisionLoad load = new RevisionLoad(2, 0);
        load.arrive(0, 0);                 // loop 0: one request for the whole second
        load.arrive(1, S / 2);             // loop 1: two requests for the second half
        load.arrive(1, S / 2);

        assertThat(load.inFlight()).isEqualTo(3);
        load.rollUp(0, 1, S);
        load.rollUp(1, 1, S);
        LoadSample sample = load.sample(1, 1_700_000_000L, false).orElseThrow();

        assertThat(sample.epochSecond()).isEqualTo(1_700_000_000L);
        assertThat(sample.averageConcurrency()).isCloseTo(1 + 1, offset(1e-9));
        assertThat(sample.requests()).isEqualTo(3);
    }

    @Test
    void aLoopThatHasNotRolledUpForThisTickIsLeftOut() {
        RevisionLoad load = new RevisionLoad(2, 0);
        load.arrive(0, 0);
        load.arrive(1, 0);
        load.rollUp(0, 1, S);
        load.rollUp(1, 1, S);
        load.rollUp(0, 2, 2 * S); // loop 1 has not closed tick 2 (a revision routed in the middle of a tick)

        assertThat(load.sample(2, 1, false).orElseThrow().averageConcurrency()).isCloseTo(1, offset(1e-9));
    }

    @Test
    void heldOrQueuedRequestsCountUntilTheyEnd() {
        RevisionLoad load = new RevisionLoad(1, 0);
        for (int i = 0; i < 4; i++) {
            load.arrive(0, 0); // held at zero: in the router, not yet at an instance
        }
        load.rollUp(0, 1, S);

        assertThat(load.sample(1, 1, false).orElseThrow().averageConcurrency()).isCloseTo(4, offset(1e-9));
    }

    @Test
    void anIdleRevisionReportsZerosWhileItHasInstancesAndNothingWithout() {
        RevisionLoad load = new RevisionLoad(1, 0);
        load.rollUp(0, 1, S);

        assertThat(load.sample(1, 7, true)).contains(new LoadSample(7, 0, 0));
        assertThat(load.sample(1, 7, false)).isEmpty();
    }
}
