package dev.kumo.api.usage;

import dev.kumo.api.serving.autoscaling.GoDuration;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far back a usage report looks: a Go duration ({@code 90m}, {@code 1h30m}, {@code 24h}) or whole days
 * ({@code 7d}), positive and at most {@link #MAX} (the ledger keeps 90 days).
 */
public final class UsagePeriod {

    /** The longest period: what the ledger keeps. */
    public static final Duration MAX = Duration.ofDays(90);
    /** The period when none is given. */
    public static final Duration DEFAULT = Duration.ofHours(24);

    private static final Pattern DAYS = Pattern.compile("(\\d{1,3})d");

    private UsagePeriod() {
    }

    /**
     * The period {@code text} names; an IllegalArgumentException names {@code field}, the value and the fix.
     */
    public static Duration parse(String field, String text) {
        Matcher days = DAYS.matcher(text == null ? "" : text.trim());
        Optional<Duration> parsed = days.matches() ? Optional.of(Duration.ofDays(Long.parseLong(days.group(1))))
                : GoDuration.parse(text == null ? null : text.trim());
        Duration period = parsed.orElseThrow(() -> new IllegalArgumentException(field + " \"" + text
                + "\" is not a duration: give one such as 90m, 24h or 7d"));
        if (period.isNegative() || period.isZero() || period.compareTo(MAX) > 0) {
            throw new IllegalArgumentException(field + " \"" + text + "\" is out of range: give a duration above 0"
                    + " and at most 90d (usage is kept 90 days)");
        }
        return period;
    }
}
