package dev.kumo.api.sources.validation;

import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.util.Optional;

/**
 * Cron schedules as Knative's PingSource reads them (robfig/cron with an optional seconds field and descriptors):
 * five fields (minute hour day-of-month month day-of-week), six with seconds first, or {@code @hourly},
 * {@code @daily}, {@code @midnight}, {@code @weekly}, {@code @monthly}, {@code @yearly}, {@code @annually}.
 * Day-of-week is 0-6 from Sunday; {@code ?} may stand for either day field; {@code @every} is refused.
 */
final class CronSchedule {

    private static final CronParser FIVE_FIELDS = new CronParser(definition(false));
    private static final CronParser SIX_FIELDS = new CronParser(definition(true));

    private CronSchedule() {
    }

    /** Why {@code schedule} is not a valid schedule, if it is not. */
    static Optional<String> error(String schedule) {
        String trimmed = schedule.trim();
        if (trimmed.contains("@every")) {
            return Optional.of("unsupported descriptor @every");
        }
        if (trimmed.isEmpty()) {
            return Optional.of("empty spec string");
        }
        CronParser parser = !trimmed.startsWith("@") && trimmed.split("\\s+").length == 6 ? SIX_FIELDS : FIVE_FIELDS;
        try {
            parser.parse(trimmed);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
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
