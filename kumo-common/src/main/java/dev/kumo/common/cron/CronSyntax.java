package dev.kumo.common.cron;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;

/**
 * Cron expressions as Knative's PingSource reads them (robfig/cron with an optional seconds field and descriptors):
 * five fields (minute hour day-of-month month day-of-week), six with seconds first, or {@code @hourly},
 * {@code @daily}, {@code @midnight}, {@code @weekly}, {@code @monthly}, {@code @yearly}, {@code @annually}.
 * Day-of-week is 0-6 from Sunday; {@code ?} may stand for either day field. The one definition that admission
 * (kumo-api) and the runner (kumo-eventing) share, so what the API admits the runner can run.
 */
public final class CronSyntax {

    private static final CronParser FIVE_FIELDS = new CronParser(definition(false));
    private static final CronParser SIX_FIELDS = new CronParser(definition(true));

    private CronSyntax() {
    }

    /** Parses {@code expression} (surrounding blanks ignored); an {@link IllegalArgumentException} says why not. */
    public static Cron parse(String expression) {
        String trimmed = expression.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty spec string");
        }
        boolean seconds = !trimmed.startsWith("@") && trimmed.split("\\s+").length == 6;
        return (seconds ? SIX_FIELDS : FIVE_FIELDS).parse(trimmed);
    }

    private static CronDefinition definition(boolean seconds) {
        CronDefinitionBuilder builder = CronDefinitionBuilder.defineCron();
        if (seconds) {
            builder = builder.withSeconds().withValidRange(0, 59).withStrictRange().and();
        }
        return builder
                .withMinutes().withValidRange(0, 59).withStrictRange().and()
                .withHours().withValidRange(0, 23).withStrictRange().and()
                .withDayOfMonth().withValidRange(1, 31).supportsQuestionMark().and()
                .withMonth().withValidRange(1, 12).and()
                .withDayOfWeek().withValidRange(0, 6).withMondayDoWValue(1).supportsQuestionMark().and()
                .withSupportedNicknameYearly().withSupportedNicknameAnnually().withSupportedNicknameMonthly()
                .withSupportedNicknameWeekly().withSupportedNicknameDaily().withSupportedNicknameMidnight()
                .withSupportedNicknameHourly()
                .instance();
    }
}
