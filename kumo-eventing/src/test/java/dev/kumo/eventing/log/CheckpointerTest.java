package dev.kumo.eventing.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointerTest {

    @TempDir
    Path dir;

    @Test
    void itsConnectionIsClosedEvenWhenClosedOnAnInterruptedThread() throws Exception {
        LogSchema schema = new LogSchema(dir.resolve("events.db"));
        try (Connection writer = schema.connect(); Connection checkpoints = schema.connect()) {
            schema.migrate(writer);
            Checkpointer checkpointer = Checkpointer.start(writer, checkpoints, () -> 0, 1 << 20,
                    Duration.ofMillis(100), Checkpointer.Sync.NONE, () -> 0, 1 << 20);
            Thread.currentThread().interrupt();
            try {
                checkpointer.close();
            } finally {
                assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
            }
            // Else SqliteSync's files would close under an open connection, dropping SQLite's locks.
            assertThat(checkpoints.isClosed()).isTrue();
        }
    }
}
