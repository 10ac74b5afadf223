package dev.kumo.api.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;

/** Core v1 Event, the form Events are stored in; {@code events.k8s.io/v1} is converted from it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Event(String apiVersion, String kind, ObjectMeta metadata, ObjectReference involvedObject,
        String reason, String message, EventSource source, String firstTimestamp, String lastTimestamp, Integer count,
        String type, String eventTime, EventSeries series, String action, ObjectReference related,
        String reportingComponent, String reportingInstance) implements HasMetadata {
}
