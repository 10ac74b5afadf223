package dev.kumo.dataplane.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.autoscaler.metrics.RevisionId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demand signal's pacing, with a manual clock. */
class ActivatorStateTest {

    private static final RevisionId REV = new RevisionId("default", "hello-00001");
    private static final long MS = 1_000_000;

    private final List<RevisionId> signals = new ArrayList<>();
    private final ActivatorState activator = new ActivatorState(REV, 10, signals::add, () -> false);

    @Test
    void theFirstHeldRequestSignalsAtOnceAndMoreWithinASecondDoNot() {
        activator.hold();
        activator.demand(5_000 * MS);
        activator.hold();
        activator.demand(5_400 * MS);
        activator.remind(5_999 * MS, 0);

        assertThat(signals).containsExactly(REV);
        assertThat(activator.held()).isEqualTo(2);
    }

    @Test
    void whileRequestsAreHeldAtZeroTheSignalRepeatsOnceASecond() {
        activator.hold();
        activator.demand(0);
        for (long ms = 100; ms <= 3_000; ms += 100) {
            activator.remind(ms * MS, 0);
        }

        assertThat(signals).hasSize(4); // at 0, 1000, 2000 and 3000 ms
    }

    @Test
    void noReminderOnceAnInstanceIsReadyOrNothingIsHeld() {
        activator.hold();
        activator.demand(0);
        activator.remind(2_000 * MS, 1);
        activator.unhold();
        activator.remind(4_000 * MS, 0);

        assertThat(signals).hasSize(1);
        assertThat(activator.held()).isZero();
    }
}
