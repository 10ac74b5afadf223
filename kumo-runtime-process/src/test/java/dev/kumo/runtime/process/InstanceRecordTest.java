package dev.kumo.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceRecordTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsThroughItsFile() {
        InstanceRecord record = new InstanceRecord("hello-00001-abcde", 4242,
                Instant.parse("2025-01-01T10:00:00.120Z"), "/usr/bin/python3.11");

        record.write(dir);

        assertThat(InstanceRecord.read(InstanceRecord.file(dir, "hello-00001-abcde"))).contains(record);
    }

    @Test
    void anIncompleteFileIsNoRecord() throws Exception {
        Path file = dir.resolve("broken.properties");
        Files.writeString(file, "pid=12\n");

        assertThat(InstanceRecord.read(file)).isEmpty();
    }

    @Test
    void matchesThisVeryProcessOnly() {
        ProcessHandle self = ProcessHandle.current();
        InstanceRecord record = InstanceRecord.of("me", self).orElseThrow();

        assertThat(record.matches(self)).isTrue();
        assertThat(new InstanceRecord("me", self.pid(), record.startInstant().minusSeconds(1), record.command())
                .matches(self)).isFalse();
        assertThat(new InstanceRecord("me", self.pid(), record.startInstant(), "/bin/other").matches(self))
                .isFalse();
    }
}
