package dev.kumo.api.duck;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO-8601 durations as Knative reads them ({@code PT0.2S}, {@code PT1M}, {@code P1DT2H}): years, months, weeks
 * and days are accepted too and counted as 365, 30, 7 and 1 days, as Knative's period library approximates them.
 */
public final class IsoDuration {

    private static final String NUMBER = "(\\d+(?:[.,]\\d+)?)";
    private static final Pattern FORMAT = Pattern.compile("([-+]?)P(?:" + NUMBER + "Y)?(?:" + NUMBER + "M)?(?:"
            + NUMBER + "W)?(?:" + NUMBER + "D)?(?:T(?:" + NUMBER + "H)?(?:" + NUMBER + "M)?(?:" + NUMBER + "S)?)?");
    private static final long DAY = 86_400;
    /** Seconds per unit of each group of {@link #FORMAT}, in order: Y, M, W, D, H, M, S. */
    private static final long[] SECONDS = {365 * DAY, 30 * DAY, 7 * DAY, DAY, 3600, 60, 1};

    private IsoDuration() {
    }

    /** The duration {@code text} denotes, or empty when it is not an ISO-8601 duration. */
    public static Optional<Duration> parse(String text) {
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches() || text.endsWith("P") || text.endsWith("T")) {
            return Optional.empty();
        }
        BigDecimal seconds = BigDecimal.ZERO;
        for (int group = 0; group < SECONDS.length; group++) {
            String value = matcher.group(group + 2);
            if (value != null) {
                seconds = seconds.add(new BigDecimal(value.replace(',', '.')).multiply(BigDecimal.valueOf(
                        SECONDS[group])));
            }
        }
        long nanos = seconds.movePointRight(9).longValue();
        return Optional.of(Duration.ofNanos(matcher.group(1).equals("-") ? -nanos : nanos));
    }
}
