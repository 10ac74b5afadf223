package dev.kumo.api.serving.autoscaling;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations written the way Go's {@code time.ParseDuration} reads them: {@code 60s}, {@code 1m30s}, {@code 1.5h}. */
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
}
