package dev.kumo.api.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;

/** {@code events.k8s.io/v1} Event: the same object as a core Event, in the newer API's field names. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EventsV1Event(String apiVersion, String kind, ObjectMeta metadata, String eventTime,
        EventSeries series, String reportingController, String reportingInstance, String action, String reason,
        ObjectReference regarding, ObjectReference related, String note, String type, EventSource deprecatedSource,
        String deprecatedFirstTimestamp, String deprecatedLastTimestamp, Integer deprecatedCount)
        implements HasMetadata {
}
