package dev.kumo.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whether the first Ready waits for the /proc ownership check: only where another process may hold the port. */
class OwnershipCheckTest {

    private static final int OWN = 41_000;
    private static final int OTHER = 8080;

    record Row(String name, boolean freeAtStart, int probed, boolean checkedBeforeReady) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("its own port, free at the start: checked after Ready", true, OWN, false),
                new Row("its own port, held at the start: checked before", false, OWN, true),
                new Row("another port, free own port: checked before", true, OTHER, true),
                new Row("another port, held own port: checked before", false, OTHER, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void checksBeforeTheFirstReadyOnlyWhereAConflictIsPossible(Row row) {
        assertThat(new OwnershipCheck(OWN, row.freeAtStart()).beforeReady(row.probed()))
                .isEqualTo(row.checkedBeforeReady());
    }

    @Test
    void theCheckSkippedBeforeReadyRunsATenthOfASecondAfterIt() {
        Instant ready = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(OwnershipCheck.verifyAt(ready)).isEqualTo(ready.plusMillis(100));
    }
}
