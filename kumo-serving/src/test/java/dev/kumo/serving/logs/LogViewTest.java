package dev.kumo.serving.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.apiserver.RevisionLogs;
import dev.kumo.runtime.spi.LogLine;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One container's lines (sidecars tagged), the Revision prefix, timestamps, and the tail counted after filtering. */
class LogViewTest {

    private static final Instant AT = Instant.parse("2026-12-06T08:00:00.000000123Z");
    private static final List<LogLine> LINES = List.of(line("listening"), line("[proxy] started"),
            line("[kumo] container was OOMKilled"), line("[INFO] served /"), line("[proxy] forwarded /"));

    @Test
    void theServingContainerHasTheUntaggedLinesAndKumosNotes() {
        LogView view = new LogView(Optional.of(new RevisionLogs.Container("user-container", List.of("proxy"))),
                false, false);

        assertThat(view.showLast(LINES, 10)).containsExactly("listening", "[kumo] container was OOMKilled",
                "[INFO] served /");
    }

    @Test
    void aSidecarHasItsTaggedLinesWithoutTheTagAndTheTailCountsOnlyThose() {
        LogView view = new LogView(Optional.of(new RevisionLogs.Container("proxy", List.of("proxy"))), false, false);

        assertThat(view.showLast(LINES, 10)).containsExactly("started", "forwarded /");
        assertThat(view.showLast(LINES, 1)).containsExactly("forwarded /");
    }

    @Test
    void aRevisionsLinesArePrefixedAndTimestampsComeFirst() {
        LogView view = new LogView(Optional.empty(), true, true);

        assertThat(view.show(LINES.getFirst())).contains(
                "2026-12-06T08:00:00.000000123Z hello-00001 > hello-00001-abcde | listening");
        assertThat(new LogView(Optional.empty(), false, false).showLast(LINES, 0)).isEmpty();
    }

    private static LogLine line(String text) {
        return new LogLine("hello-00001", "hello-00001-abcde", AT, text);
    }
}
