package dev.kumo.api.serving.autoscaling;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written the way Go's {@code time.ParseDuration} reads them ({@code 60s}, {@code 1m30s}, {@code 1.5h}) and
 * its {@code Duration.String} prints them ({@code 1m30s}, {@code 200ms}).
 */
public final class GoDuration {

    private static final Pattern WHOLE = Pattern.compile("[-+]?(\\d*\\.?\\d*[a-zµμ]+)+|[-+]?0");
    private static final Pattern PART = Pattern.compile("(\\d*\\.?\\d*)([a-zµμ]+)");
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private GoDuration() {
    }

    /** The duration {@code text} denotes, or empty when Go would refuse it. */
    public static Optional<Duration> parse(String text) {
        if (text == null || !WHOLE.matcher(text).matches()) {
            return Optional.empty();
        }
        boolean negative = text.startsWith("-");
        String body = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        if (body.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher part = PART.matcher(body);
        while (part.find()) {
            String number = part.group(1);
            Long unit = NANOS_PER_UNIT.get(part.group(2));
            if (unit == null || number.isEmpty() || number.equals(".")) {
                return Optional.empty();
            }
            nanos = nanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(unit)));
        }
        Duration duration = Duration.ofNanos(nanos.longValue());
        return Optional.of(negative ? duration.negated() : duration);
    }

    /** {@code duration} as Go prints a non-negative one: {@code 2m0s}, {@code 1h0m0s}, {@code 1.5s}, {@code 200ms}. */
    public static String text(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return BigDecimal.valueOf(duration.toNanos(), 6).stripTrailingZeros().toPlainString() + "ms";
        }
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        String seconds = BigDecimal.valueOf(duration.toSecondsPart())
                .add(BigDecimal.valueOf(duration.toNanosPart(), 9)).stripTrailingZeros().toPlainString() + "s";
        return hours > 0 ? hours + "h" + minutes + "m" + seconds : minutes > 0 ? minutes + "m" + seconds : seconds;
    }
}
