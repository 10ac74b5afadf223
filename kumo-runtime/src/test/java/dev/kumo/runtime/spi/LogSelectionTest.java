package dev.kumo.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The kubelet's selection: since first (inclusive), then the tail of what is left; the timestamp form. */
class LogSelectionTest {

    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");
    private static final List<LogLine> LINES = IntStream.range(0, 10)
            .mapToObj(i -> new LogLine("r", "i", T0.plusSeconds(i), "line " + i)).toList();

    @Test
    void sinceKeepsTheLinesWrittenAtOrAfterItThenTailTakesTheLastOfThose() {
        LogSelection selection = new LogSelection(Optional.of(T0.plusSeconds(4)), OptionalInt.of(3));

        assertThat(texts(selection.apply(LINES))).containsExactly("line 7", "line 8", "line 9");
        assertThat(texts(new LogSelection(Optional.of(T0.plusSeconds(8)), OptionalInt.of(5)).apply(LINES)))
                .containsExactly("line 8", "line 9");
    }

    @Test
    void withoutBoundsEverythingAndTailZeroNothing() {
        assertThat(LogSelection.ALL.apply(LINES)).isEqualTo(LINES);
        assertThat(LogSelection.last(0).apply(LINES)).isEmpty();
        assertThat(LogSelection.last(-5).apply(LINES)).isEmpty();
        assertThat(texts(LogSelection.last(2).apply(LINES))).containsExactly("line 8", "line 9");
    }

    @Test
    void aNewLineIsAdmittedOnlyFromSinceOn() {
        LogSelection selection = new LogSelection(Optional.of(T0.plusSeconds(5)), OptionalInt.of(0));

        assertThat(selection.admits(LINES.get(4))).isFalse();
        assertThat(selection.admits(LINES.get(5))).isTrue();
        assertThat(LogSelection.last(0).admits(LINES.getFirst())).isTrue();
    }

    @Test
    void aNegativeTailIsRefused() {
        assertThatThrownBy(() -> new LogSelection(Optional.empty(), OptionalInt.of(-1)))
                .hasMessageContaining("tailLines").hasMessageContaining("-1");
    }

    @Test
    void timestampsAreTheKubeletsRfc3339WithNineDigitsInUtc() {
        LogLine line = new LogLine("r", "i", Instant.parse("2026-12-06T08:00:01.5Z"), "x");

        assertThat(line.timestamp()).isEqualTo("2026-12-06T08:00:01.500000000Z");
        assertThat(Instant.parse(line.timestamp())).isEqualTo(line.at());
    }

    private static List<String> texts(List<LogLine> lines) {
        return lines.stream().map(LogLine::text).toList();
    }
}
