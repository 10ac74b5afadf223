package dev.kumo.eventing.source.ping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TickPlanTest {

    private static final PingSchedule EVERY_MINUTE = PingSchedule.parse("* * * * *", "UTC");
    private static final Duration CATCH_UP = Duration.ofMinutes(1);

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // case,                                   fired up to,          now,                  due
            "'armed after the tick: nothing due',      2026-11-22T10:00:10Z, 2026-11-22T10:00:20Z, ''",
            "'tick reached: fire it',                  2026-11-22T10:00:10Z, 2026-11-22T10:01:00Z, 2026-11-22T10:01:00Z",
            "'woken a bit late: still fire it',        2026-11-22T10:00:00Z, 2026-11-22T10:01:00.250Z, 2026-11-22T10:01:00Z",
            "'already fired before a restart: never again', 2026-11-22T10:01:00Z, 2026-11-22T10:01:05Z, ''",
            "'missed while down, within catch-up: fire late', 2026-11-22T10:00:00Z, 2026-11-22T10:01:40Z, 2026-11-22T10:01:00Z",
            "'many missed while down: only the latest fires', 2026-11-22T09:00:00Z, 2026-11-22T10:01:40Z, 2026-11-22T10:01:00Z",
    })
    void firesEachTickOnceAndWakesAtTheNext(String name, Instant firedUpTo, Instant now, String due) {
        TickPlan plan = TickPlan.plan(EVERY_MINUTE, firedUpTo, now, CATCH_UP);

        assertThat(plan.due()).isEqualTo(due.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(due)));
        assertThat(plan.wakeAt()).isEqualTo(EVERY_MINUTE.next(now).orElseThrow());
    }

    @Test
    void aTickOlderThanTheCatchUpLimitIsDropped() {
        TickPlan plan = TickPlan.plan(EVERY_MINUTE, Instant.parse("2026-11-22T09:00:00Z"),
                Instant.parse("2026-11-22T10:01:59Z"), Duration.ofSeconds(30));

        assertThat(plan.due()).isEmpty();
    }
}
