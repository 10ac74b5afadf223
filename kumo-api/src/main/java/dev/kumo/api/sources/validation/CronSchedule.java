package dev.kumo.api.sources.validation;

import dev.kumo.common.cron.CronSyntax;
import java.util.Optional;

/**
 * Cron schedules as Knative's PingSource admission reads them: {@link CronSyntax} (five fields, six with seconds
 * first, or a descriptor such as {@code @hourly}), with {@code @every} refused.
 */
final class CronSchedule {

    private CronSchedule() {
    }

    /** Why {@code schedule} is not a valid schedule, if it is not. */
    static Optional<String> error(String schedule) {
        if (schedule.contains("@every")) {
            return Optional.of("unsupported descriptor @every");
        }
        try {
            CronSyntax.parse(schedule);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
