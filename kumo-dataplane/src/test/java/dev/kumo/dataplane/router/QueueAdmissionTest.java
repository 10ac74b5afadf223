package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.QueueAdmission.Decision.ADMIT;
import static dev.kumo.dataplane.router.QueueAdmission.Decision.HOLD;
import static dev.kumo.dataplane.router.QueueAdmission.Decision.QUEUE;
import static dev.kumo.dataplane.router.QueueAdmission.Decision.REJECT_HOLD_FULL;
import static dev.kumo.dataplane.router.QueueAdmission.Decision.REJECT_NO_ENDPOINT;
import static dev.kumo.dataplane.router.QueueAdmission.Decision.REJECT_QUEUE_FULL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class QueueAdmissionTest {

    record Row(String name, int ready, int usable, boolean slotFree, int waiting, int maxQueued, int maxHeld,
            QueueAdmission.Decision want) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("free slot, empty queue", 1, 1, true, 0, 10, 100, ADMIT),
                new Row("free slot but others wait first", 1, 1, true, 3, 10, 100, QUEUE),
                new Row("busy, room in queue", 2, 2, false, 0, 20, 100, QUEUE),
                new Row("busy, last queue place", 1, 1, false, 9, 10, 100, QUEUE),
                new Row("busy, queue full", 1, 1, false, 10, 10, 100, REJECT_QUEUE_FULL),
                new Row("unlimited (no queue), busy never happens, but a full queue rejects", 1, 1, false, 0, 0, 100,
                        REJECT_QUEUE_FULL),
                new Row("no ready instance: held", 0, 0, false, 0, 10, 100, HOLD),
                new Row("no ready instance, more held than the queue allows", 0, 0, false, 50, 10, 100, HOLD),
                new Row("no ready instance, last hold place", 0, 0, false, 99, 10, 100, HOLD),
                new Row("no ready instance, hold full", 0, 0, false, 100, 10, 100, REJECT_HOLD_FULL),
                new Row("no ready instance, holding disabled", 0, 0, false, 0, 10, 0, REJECT_HOLD_FULL),
                new Row("ready instances all ejected", 2, 0, false, 0, 10, 100, REJECT_NO_ENDPOINT),
                new Row("ready instances all ejected, with waiters", 1, 0, false, 5, 10, 100, REJECT_NO_ENDPOINT),
                new Row("instances became ready while many are held: they queue behind", 1, 1, false, 500, 10, 1000,
                        REJECT_QUEUE_FULL));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void decides(Row row) {
        assertThat(QueueAdmission.decide(row.ready(), row.usable(), row.slotFree(), row.waiting(), row.maxQueued(),
                row.maxHeld())).isEqualTo(row.want());
    }
}
