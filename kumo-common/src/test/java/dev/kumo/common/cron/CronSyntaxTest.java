package dev.kumo.common.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronSyntaxTest {

    @ParameterizedTest
    @CsvSource({
            "'*/5 * * * *',     '*/5 * * * *'",
            "' 0 9 * * 1-5 ',   '0 9 * * 1-5'",
            "'30 */2 * * * *',  '30 */2 * * * *'",
            "'@hourly',         '0 * * * *'",
            "'@weekly',         '0 0 * * 0'",
    })
    void readsFiveFieldsSixWithSecondsFirstAndDescriptors(String expression, String cron) {
        assertThat(CronSyntax.parse(expression).asString()).isEqualTo(cron);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "* * * *", "* * * * * * *", "60 * * * *", "* * * * 7", "@reboot", "@HOURLY"})
    void refusesWhatRobfigCronRefuses(String expression) {
        assertThatThrownBy(() -> CronSyntax.parse(expression)).isInstanceOf(IllegalArgumentException.class);
    }
}
