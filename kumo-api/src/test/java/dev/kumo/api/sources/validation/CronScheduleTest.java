package dev.kumo.api.sources.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Schedules are read as Knative's robfig/cron parser reads them. */
class CronScheduleTest {

    @ParameterizedTest
    @ValueSource(strings = {"* * * * *", "*/5 * * * *", "0 9 * * MON-FRI", "0 0 1 JAN ?", "15,45 8-18 ? * 1-5",
        "30 */2 * * * *", "@hourly", "@daily", "@midnight", "@weekly", "@monthly", "@yearly", "@annually",
        "0 0 * * 0", "0 0 * * 6"})
    void accepts(String schedule) {
        assertThat(CronSchedule.error(schedule)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "* * * *", "* * * * * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * * 13 *",
        "* * * * 7", "@every 5m", "@reboot", "@often", "L * * * *", "* * * * MON#2", "hello"})
    void refuses(String schedule) {
        assertThat(CronSchedule.error(schedule)).as(schedule).isPresent();
    }
}
