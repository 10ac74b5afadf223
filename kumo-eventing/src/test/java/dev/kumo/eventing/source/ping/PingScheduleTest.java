package dev.kumo.eventing.source.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PingScheduleTest {

    @ParameterizedTest(name = "{0} in [{1}] after {2} → {3}")
    @CsvSource({
            "'* * * * *',     '',              2026-11-22T10:00:30Z, 2026-11-22T10:01:00Z",
            "'*/2 * * * *',   '',              2026-11-22T10:01:00Z, 2026-11-22T10:02:00Z",
            "'*/2 * * * *',   '',              2026-11-22T10:02:00Z, 2026-11-22T10:04:00Z",
            "'0 9 * * *',     'Europe/Paris',  2026-11-22T07:00:00Z, 2026-11-22T08:00:00Z",
            "'0 9 * * *',     'UTC',           2026-11-22T07:00:00Z, 2026-11-22T09:00:00Z",
            "'@hourly',       '',              2026-11-22T10:15:00Z, 2026-11-22T11:00:00Z",
            "'@daily',        '',              2026-11-22T10:15:00Z, 2026-11-23T00:00:00Z",
            "'@every 10s',    '',              2026-11-22T10:15:03Z, 2026-11-22T10:15:10Z",
            "'0 9 ? * 1',     'UTC',           2026-11-22T07:00:00Z, 2026-11-23T09:00:00Z",
            "'0 9 * * 0',     'UTC',           2026-11-21T10:00:00Z, 2026-11-22T09:00:00Z",
            "'@every 1m30s',  '',              2026-11-22T10:15:03Z, 2026-11-22T10:16:30Z",
            "'*/1 * * * * *', '',              2026-11-22T10:15:03Z, 2026-11-22T10:15:04Z",
            "'30 0 9 * * *',  'Europe/Paris',  2026-11-22T07:00:00Z, 2026-11-22T08:00:30Z",
    })
    void nextTickIsStrictlyAfter(String cron, String zone, Instant after, Instant next) {
        assertThat(PingSchedule.parse(cron, zone).next(after)).contains(next);
    }

    @ParameterizedTest(name = "{0} at {1} → latest {2}")
    @CsvSource({
            "'* * * * *',   2026-11-22T10:00:30Z, 2026-11-22T10:00:00Z",
            "'* * * * *',   2026-11-22T10:01:00Z, 2026-11-22T10:01:00Z",
            "'0 * * * *',   2026-11-22T10:59:59Z, 2026-11-22T10:00:00Z",
            "'@every 10s',  2026-11-22T10:15:10Z, 2026-11-22T10:15:10Z",
            "'@every 10s',  2026-11-22T10:15:19Z, 2026-11-22T10:15:10Z",
    })
    void latestTickIsAtOrBefore(String cron, Instant at, Instant latest) {
        assertThat(PingSchedule.parse(cron, "").latest(at)).contains(latest);
    }

    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvSource({
            "'* * *',        '',            is not a cron expression",
            "'61 * * * *',   '',            is not a cron expression",
            "'60 * * * * *', '',            six with seconds first",
            "'@every soon',  '',            has no duration",
            "'@every 500ms', '',            shorter than 1s",
            "'* * * * *',    'Mars/Olympus', is not a tz database zone",
    })
    void badSchedulesSayWhatAndHowToFix(String cron, String zone, String message) {
        assertThatThrownBy(() -> PingSchedule.parse(cron, zone))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
