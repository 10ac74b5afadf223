package dev.kumo.apiserver.internal;

import dev.kumo.api.errors.ApiException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The parameters {@code …/log} shares with the kubelet's: {@code sinceSeconds} or {@code sinceTime} (at most one),
 * {@code tailLines}; a bad value is a 400 naming the parameter, the value and the accepted form.
 */
final class LogParams {

    private LogParams() {
    }

    /** Where {@code sinceSeconds} (before {@code now}) or {@code sinceTime} start the lines, if asked. */
    static Optional<Instant> since(ApiRequest request, Instant now) {
        Optional<String> seconds = request.param("sinceSeconds").filter(value -> !value.isEmpty());
        Optional<String> time = request.param("sinceTime").filter(value -> !value.isEmpty());
        if (seconds.isPresent() && time.isPresent()) {
            throw ApiException.badRequest("at most one of sinceTime or sinceSeconds may be specified");
        }
        return seconds.map(value -> before(now, sinceSeconds(value))).or(() -> time.map(LogParams::sinceTime));
    }

    /** {@code seconds} before {@code now}; further back than the epoch is the epoch (every line). */
    private static Instant before(Instant now, long seconds) {
        return seconds >= now.getEpochSecond() ? Instant.EPOCH : now.minusSeconds(seconds);
    }

    /** {@code sinceSeconds}: a positive whole number of seconds. */
    static long sinceSeconds(String value) {
        try {
            long seconds = Long.parseLong(value);
            if (seconds > 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw ApiException.badRequest("sinceSeconds: Invalid value: \"" + value
                + "\": must be a positive whole number of seconds, as 600");
    }

    /** {@code sinceTime}: an RFC 3339 time with its zone. */
    static Instant sinceTime(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw ApiException.badRequest("sinceTime: Invalid value: \"" + value
                    + "\": must be an RFC 3339 time with its zone, as 2026-12-06T08:00:00Z");
        }
    }

    /** {@code tailLines}: a number, negative taken as 0. */
    static int tailLines(String value) {
        try {
            return Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("tailLines: Invalid value: \"" + value + "\": must be a number");
        }
    }
}
