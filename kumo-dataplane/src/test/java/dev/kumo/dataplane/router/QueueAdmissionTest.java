package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.QueueAdmission.Decision.ADMIT;
import static dev.kumo.dataplane.router.QueueAdmission.Decision.HOLD;
import static dev.kumo.dataplane.router.QueueAdmission.Decision.QUEUE;
import static dev.kumo.dataplane.router.QueueAdmission.Decision.REJECT_ACTIVATOR_FULL;
import static dev.kumo.dataplane.router.QueueAdmission.Decision.REJECT_HOLD_FULL;
import static dev.kumo.dataplane.router.QueueAdmission.Decision.REJECT_NO_ENDPOINT;
import static dev.kumo.dataplane.router.QueueAdmission.Decision.REJECT_QUEUE_FULL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class QueueAdmissionTest {

    /** A row: the revision's state, the bounds (per instance out of the path, held in it) and the decision. */
    record Row(String name, int ready, int usable, boolean slotFree, int waiting, int maxQueuedPerInstance,
            int maxHeld, boolean activatorInPath, QueueAdmission.Decision want) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final boolean IN_PATH = true;
    private static final boolean OUT = false;

    static Stream<Row> rows() {
        return Stream.of(
                new Row("free slot, empty queue", 1, 1, true, 0, 10, 100, OUT, ADMIT),
                new Row("free slot but others wait first", 1, 1, true, 3, 10, 100, OUT, QUEUE),
                new Row("busy, room in queue", 2, 2, false, 0, 10, 100, OUT, QUEUE),
                new Row("busy, last queue place", 1, 1, false, 9, 10, 100, OUT, QUEUE),
                new Row("busy, queue full", 1, 1, false, 10, 10, 100, OUT, REJECT_QUEUE_FULL),
                new Row("the out-of-path bound is per instance: 3 × 10", 3, 3, false, 29, 10, 100, OUT, QUEUE),
                new Row("per instance, full at 3 × 10", 3, 3, false, 30, 10, 100, OUT, REJECT_QUEUE_FULL),
                new Row("only usable instances count toward the bound", 3, 2, false, 20, 10, 100, OUT,
                        REJECT_QUEUE_FULL),
                new Row("unlimited (no queue), busy never happens, but a full queue rejects", 1, 1, false, 0, 0, 100,
                        OUT, REJECT_QUEUE_FULL),
                new Row("activator in the path: free slot, empty queue", 1, 1, true, 0, 10, 100, IN_PATH, ADMIT),
                new Row("activator in the path: FIFO still holds", 1, 1, true, 3, 10, 100, IN_PATH, QUEUE),
                new Row("activator in the path: queued beyond 10 per instance", 1, 1, false, 39, 10, 100, IN_PATH,
                        QUEUE),
                new Row("activator in the path: last place", 1, 1, false, 99, 10, 100, IN_PATH, QUEUE),
                new Row("activator in the path: its queue full", 1, 1, false, 100, 10, 100, IN_PATH,
                        REJECT_ACTIVATOR_FULL),
                new Row("activator in the path, all ready instances ejected", 2, 0, false, 0, 10, 100, IN_PATH,
                        REJECT_NO_ENDPOINT),
                new Row("activator in the path, no ready instance: held", 0, 0, false, 5, 10, 100, IN_PATH, HOLD),
                new Row("no ready instance: held", 0, 0, false, 0, 10, 100, OUT, HOLD),
                new Row("no ready instance, more held than the queue allows", 0, 0, false, 50, 10, 100, OUT, HOLD),
                new Row("no ready instance, last hold place", 0, 0, false, 99, 10, 100, OUT, HOLD),
                new Row("no ready instance, hold full", 0, 0, false, 100, 10, 100, OUT, REJECT_HOLD_FULL),
                new Row("no ready instance, holding disabled", 0, 0, false, 0, 10, 0, OUT, REJECT_HOLD_FULL),
                new Row("ready instances all ejected", 2, 0, false, 0, 10, 100, OUT, REJECT_NO_ENDPOINT),
                new Row("ready instances all ejected, with waiters", 1, 0, false, 5, 10, 100, OUT,
                        REJECT_NO_ENDPOINT),
                new Row("instances became ready while many are held, activator out: they queue behind", 1, 1, false,
                        500, 10, 1000, OUT, REJECT_QUEUE_FULL),
                new Row("instances became ready while many are held, activator in: they queue behind", 1, 1, false,
                        500, 10, 1000, IN_PATH, QUEUE));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void decides(Row row) {
        assertThat(QueueAdmission.decide(row.ready(), row.usable(), row.slotFree(), row.waiting(),
                row.maxQueuedPerInstance(), row.maxHeld(), row.activatorInPath())).isEqualTo(row.want());
    }
}
