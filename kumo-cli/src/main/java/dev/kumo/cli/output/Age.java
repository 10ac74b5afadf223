package dev.kumo.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.format.HumanDuration;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Ages as kubectl prints them, following apimachinery's {@code duration.HumanDuration}. */
public final class Age {

    private Age() {
    }

    /** The age of an RFC 3339 timestamp at {@code now}; {@code <unknown>} when absent or unreadable. */
    public static String since(String timestamp, Instant now) {
        return parse(timestamp).map(t -> format(Duration.between(t, now))).orElse("<unknown>");
    }

    /** The age of an object: since its {@code metadata.creationTimestamp}. */
    public static String of(JsonNode object, Instant now) {
        return since(object.path("metadata").path("creationTimestamp").asText(""), now);
    }

    /** Parses an RFC 3339 timestamp such as {@code 2025-01-01T10:00:00Z}. */
    public static Optional<Instant> parse(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(timestamp).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Formats a duration as kubectl does: {@code 45s}, {@code 5m30s}, {@code 3h5m}, {@code 2d3h}, … */
    public static String format(Duration duration) {
        return HumanDuration.format(duration);
    }
}
