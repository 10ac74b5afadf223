package dev.kumo.eventing.source.ping;

import com.cronutils.model.time.ExecutionTime;
import dev.kumo.common.cron.CronSyntax;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PingSource's schedule as Knative reads it (robfig/cron): {@link CronSyntax}, the definition kumo-api's admission
 * uses too (five cron fields, six with seconds first, a descriptor such as {@code @hourly}), or
 * {@code @every DURATION}, evaluated in a time zone. {@code @every} ticks fall on multiples of the period since the
 * epoch, so they are the same before and after a restart.
 */
public final class PingSchedule {

    private static final Pattern GO_DURATION = Pattern.compile("(?:\\d+(?:h|ms|m|s))+");
    private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+)(h|ms|m|s)");

    private final String text;
    private final ExecutionTime cron;
    private final Duration every;
    private final ZoneId zone;

    private PingSchedule(String text, ExecutionTime cron, Duration every, ZoneId zone) {
        this.text = text;
        this.cron = cron;
        this.every = every;
        this.zone = zone;
    }

    /** Parses {@code expression} in {@code timezone} (empty = UTC); the message names what is wrong and the fix. */
    public static PingSchedule parse(String expression, String timezone) {
        ZoneId zone = zone(timezone);
        String text = expression.strip();
        if (text.startsWith("@every ")) {
            return new PingSchedule(text, null, every(text.substring("@every ".length()).strip()), zone);
        }
        try {
            return new PingSchedule(text, ExecutionTime.forCron(CronSyntax.parse(text)), null, zone);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("schedule \"" + expression + "\" is not a cron expression ("
                    + e.getMessage() + "): use five fields \"MIN HOUR DOM MON DOW\", e.g. \"*/2 * * * *\", "
                    + "six with seconds first, e.g. \"*/10 * * * * *\", or @hourly, @daily, @every 10s", e);
        }
    }

    /** The first tick strictly after {@code instant}. */
    public Optional<Instant> next(Instant instant) {
        if (every != null) {
            long period = every.toMillis();
            return Optional.of(Instant.ofEpochMilli(Math.floorDiv(instant.toEpochMilli(), period) * period + period));
        }
        return cron.nextExecution(instant.atZone(zone)).map(t -> t.toInstant());
    }

    /** The last tick at or before {@code instant}. */
    public Optional<Instant> latest(Instant instant) {
        if (every != null) {
            long period = every.toMillis();
            return Optional.of(Instant.ofEpochMilli(Math.floorDiv(instant.toEpochMilli(), period) * period));
        }
        Instant justAfter = instant.plusNanos(1);
        return cron.lastExecution(justAfter.atZone(zone)).map(t -> t.toInstant());
    }

    @Override
    public String toString() {
        return text + " (" + zone + ")";
    }

    private static ZoneId zone(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timezone \"" + timezone + "\" is not a tz database zone: use e.g."
                    + " \"Europe/Paris\" or \"UTC\"", e);
        }
    }

    private static Duration every(String text) {
        Matcher whole = GO_DURATION.matcher(text);
        if (text.isEmpty() || !whole.matches()) {
            throw new IllegalArgumentException("schedule \"@every " + text + "\" has no duration: use e.g."
                    + " \"@every 30s\" or \"@every 1h30m\"");
        }
        Duration period = Duration.ZERO;
        Matcher part = GO_DURATION_PART.matcher(text);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            period = period.plus(switch (part.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMillis(amount);
            });
        }
        if (period.toMillis() < 1000) {
            throw new IllegalArgumentException("schedule \"@every " + text + "\" is shorter than 1s: use 1s or more");
        }
        return period;
    }
}
