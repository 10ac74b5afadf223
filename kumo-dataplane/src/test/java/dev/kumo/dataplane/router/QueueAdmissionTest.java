package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.QueueAdmission.Decision.ADMIT;
import static dev.kumo.dataplane.router.QueueAdmission.Decision.QUEUE;
import static dev.kumo.dataplane.router.QueueAdmission.Decision.REJECT_NO_ENDPOINT;
import static dev.kumo.dataplane.router.QueueAdmission.Decision.REJECT_QUEUE_FULL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class QueueAdmissionTest {

    record Row(String name, int usable, boolean slotFree, int queued, int maxQueued, QueueAdmission.Decision want) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("free slot, empty queue", 1, true, 0, 10, ADMIT),
                new Row("free slot but others wait first", 1, true, 3, 10, QUEUE),
                new Row("busy, room in queue", 2, false, 0, 20, QUEUE),
                new Row("busy, last queue place", 1, false, 9, 10, QUEUE),
                new Row("busy, queue full", 1, false, 10, 10, REJECT_QUEUE_FULL),
                new Row("no usable instance", 0, false, 0, 10, REJECT_NO_ENDPOINT),
                new Row("no usable instance with waiters", 0, false, 5, 10, REJECT_NO_ENDPOINT));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void decides(Row row) {
        assertThat(QueueAdmission.decide(row.usable(), row.slotFree(), row.queued(), row.maxQueued()))
                .isEqualTo(row.want());
    }
}
