package dev.kumo.cli.service;

import dev.kumo.api.serving.autoscaling.GoDuration;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * What {@code kumo service logs} asks a Revision's {@code log} for, with kubectl's flags: {@code --since} (a Go
 * duration, rounded up to whole seconds) or {@code --since-time} (RFC 3339), {@code --timestamps},
 * {@code --previous}, {@code -c}, {@code --tail}, {@code -f}. A bad value names the flag, the value and the form.
 */
record LogsQuery(int tailLines, boolean follow, Optional<Long> sinceSeconds, Optional<OffsetDateTime> sinceTime,
        boolean timestamps, boolean previous, Optional<String> container) {

    /** The query from the flags as given ({@code null} where a flag is absent). */
    static LogsQuery of(int tailLines, boolean follow, String since, String sinceTime, boolean timestamps,
            boolean previous, String container) {
        if (since != null && sinceTime != null) {
            throw new InvalidFlag("--since and --since-time cannot be used together: give one");
        }
        return new LogsQuery(tailLines, follow, Optional.ofNullable(since).map(LogsQuery::sinceSeconds),
                Optional.ofNullable(sinceTime).map(LogsQuery::sinceTime), timestamps, previous,
                Optional.ofNullable(container).filter(name -> !name.isEmpty()));
    }

    /** {@code --since}: a positive Go duration, in whole seconds rounded up (as kubectl sends it). */
    static long sinceSeconds(String since) {
        Optional<Duration> parsed = GoDuration.parse(since).filter(duration -> duration.isPositive());
        if (parsed.isEmpty()) {
            throw new InvalidFlag("invalid --since '" + since + "': want a positive duration such as 30s, 10m or 2h");
        }
        Duration duration = parsed.get();
        return duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
    }

    /** {@code --since-time}: an RFC 3339 time with its zone. */
    static OffsetDateTime sinceTime(String time) {
        try {
            return OffsetDateTime.parse(time);
        } catch (DateTimeException e) {
            throw new InvalidFlag("invalid --since-time '" + time
                    + "': want an RFC 3339 time with its zone such as 2026-12-06T08:00:00Z");
        }
    }

    /** The same query, following or not. */
    LogsQuery following(boolean followed) {
        return new LogsQuery(tailLines, followed, sinceSeconds, sinceTime, timestamps, previous, container);
    }

    /** The query string of {@code …/log?…}. */
    String params() {
        StringBuilder query = new StringBuilder("tailLines=").append(tailLines);
        if (follow) {
            query.append("&follow=true");
        }
        sinceSeconds.ifPresent(seconds -> query.append("&sinceSeconds=").append(seconds));
        sinceTime.ifPresent(time -> query.append("&sinceTime=").append(encode(time.toInstant().toString())));
        if (timestamps) {
            query.append("&timestamps=true");
        }
        if (previous) {
            query.append("&previous=true");
        }
        container.ifPresent(name -> query.append("&container=").append(encode(name)));
        return query.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
