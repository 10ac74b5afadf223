package dev.kumo.api.sources;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.duck.CloudEventOverrides;
import dev.kumo.api.duck.Destination;

/**
 * A PingSource's desired state: the cron {@code schedule} (default every minute) in {@code timezone}, the event
 * {@code data} (text) or {@code dataBase64} (bytes) with its {@code contentType}, and the {@code sink}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PingSourceSpec(
        Destination sink,
        CloudEventOverrides ceOverrides,
        String schedule,
        String timezone,
        String contentType,
        String data,
        String dataBase64) {

    /** Knative's default schedule: every minute. */
    public static final String DEFAULT_SCHEDULE = "* * * * *";

    /** A spec with no field set, to be filled in by defaults. */
    public static final PingSourceSpec EMPTY = new PingSourceSpec(null, null, null, null, null, null, null);

    public PingSourceSpec withSchedule(String value) {
        return new PingSourceSpec(sink, ceOverrides, value, timezone, contentType, data, dataBase64);
    }
}
