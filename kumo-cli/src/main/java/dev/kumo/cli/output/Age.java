package dev.kumo.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
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

    /** Formats a duration: {@code 45s}, {@code 5m30s}, {@code 42m}, {@code 3h5m}, {@code 20h}, {@code 2d3h}, … */
    public static String format(Duration duration) {
        long seconds = duration.toMillis() / 1000; // truncated toward zero, like Go's int(d.Seconds())
        if (seconds < -1) {
            return "<invalid>";
        } else if (seconds < 0) {
            return "0s"; // up to a second in the future is clock skew, shown as now
        } else if (seconds < 60 * 2) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            return join(minutes, "m", seconds % 60, "s");
        } else if (minutes < 60 * 3) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 8) {
            return join(hours, "h", minutes % 60, "m");
        } else if (hours < 48) {
            return hours + "h";
        } else if (hours < 24 * 8) {
            return join(hours / 24, "d", hours % 24, "h");
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        } else if (hours < 24 * 365 * 8) {
            return join(hours / 24 / 365, "y", (hours / 24) % 365, "d");
        }
        return hours / 24 / 365 + "y";
    }

    private static String join(long major, String majorUnit, long minor, String minorUnit) {
        return minor == 0 ? major + majorUnit : major + majorUnit + minor + minorUnit;
    }
}
