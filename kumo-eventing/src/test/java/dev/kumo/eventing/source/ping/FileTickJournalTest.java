package dev.kumo.eventing.source.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTickJournalTest {

    @TempDir
    Path dir;

    @Test
    void aRecordedTickSurvivesReopening() {
        new FileTickJournal(dir).record("uid-1", Instant.parse("2026-11-22T10:01:00Z"));

        assertThat(new FileTickJournal(dir).firedUpTo("uid-1")).contains(Instant.parse("2026-11-22T10:01:00Z"));
        assertThat(new FileTickJournal(dir).firedUpTo("uid-2")).isEmpty();
    }

    @Test
    void recordingReplacesAndForgettingRemoves() {
        FileTickJournal journal = new FileTickJournal(dir);
        journal.record("uid-1", Instant.parse("2026-11-22T10:01:00Z"));
        journal.record("uid-1", Instant.parse("2026-11-22T10:02:00Z"));

        assertThat(journal.firedUpTo("uid-1")).contains(Instant.parse("2026-11-22T10:02:00Z"));
        journal.forget("uid-1");
        assertThat(journal.firedUpTo("uid-1")).isEmpty();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anIdThatIsNotAUidIsRefused() {
        assertThatThrownBy(() -> new FileTickJournal(dir).record("../escape", Instant.EPOCH))
                .hasMessageContaining("is not a uid");
    }
}
