package dev.kumo.api.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Kubernetes' two timestamp forms: {@code Time} (RFC 3339, seconds) and {@code MicroTime} (six fraction digits). */
public final class EventTimes {

    private static final DateTimeFormatter MICRO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSX")
            .withZone(ZoneOffset.UTC);

    private EventTimes() {
    }

    /** {@code instant} as a {@code Time}: {@code 2026-01-02T03:04:05Z}. */
    public static String seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@code instant} as a {@code MicroTime}: {@code 2026-01-02T03:04:05.123456Z}. */
    public static String micro(Instant instant) {
        return MICRO.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    /** A timestamp of either form as a {@code Time}; empty when {@code text} is empty or no timestamp. */
    public static String seconds(String text) {
        return parse(text).map(EventTimes::seconds).orElse("");
    }

    /** A timestamp of either form as a {@code MicroTime}; empty when {@code text} is empty or no timestamp. */
    public static String micro(String text) {
        return parse(text).map(EventTimes::micro).orElse("");
    }

    /** A timestamp of either form, if {@code text} is one. */
    public static java.util.Optional<Instant> parse(String text) {
        try {
            return text == null || text.isBlank() ? java.util.Optional.empty()
                    : java.util.Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }
}
