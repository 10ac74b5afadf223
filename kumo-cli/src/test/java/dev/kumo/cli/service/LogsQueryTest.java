package dev.kumo.cli.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code kumo service logs}' flags turned into the log's query, and bad values named with their flag and form. */
class LogsQueryTest {

    @Test
    void everyFlagBecomesTheKubeletsParameter() {
        LogsQuery query = LogsQuery.of(20, true, "10m", null, true, false, "user-container");

        assertThat(query.params()).isEqualTo(
                "tailLines=20&follow=true&sinceSeconds=600&timestamps=true&container=user-container");
    }

    @Test
    void sinceIsRoundedUpToWholeSecondsAndSinceTimeIsSentEncoded() {
        assertThat(LogsQuery.sinceSeconds("1.5s")).isEqualTo(2);
        assertThat(LogsQuery.sinceSeconds("1h30m")).isEqualTo(5400);
        assertThat(LogsQuery.of(100, false, null, "2026-12-06T08:00:00+01:00", false, true, null).params())
                .isEqualTo("tailLines=100&sinceTime=2026-12-06T07%3A00%3A00Z&previous=true");
    }

    @Test
    void aBadSinceNamesTheFlagTheValueAndTheForm() {
        assertThatThrownBy(() -> LogsQuery.of(100, false, "abc", null, false, false, null))
                .isInstanceOf(InvalidFlag.class)
                .hasMessage("invalid --since 'abc': want a positive duration such as 30s, 10m or 2h");
        assertThatThrownBy(() -> LogsQuery.sinceSeconds("-5m")).hasMessageContaining("--since '-5m'");
        assertThatThrownBy(() -> LogsQuery.of(100, false, null, "yesterday", false, false, null))
                .hasMessage("invalid --since-time 'yesterday': want an RFC 3339 time with its zone such as "
                        + "2026-12-06T08:00:00Z");
        assertThatThrownBy(() -> LogsQuery.of(100, false, "1m", "2026-12-06T08:00:00Z", false, false, null))
                .hasMessageContaining("--since and --since-time");
    }
}
