package dev.kumo.api.eventing;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;

/** A Knative EventType: a kind of CloudEvent (type, source, schema) that a Broker or Channel carries. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventType(String apiVersion, String kind, ObjectMeta metadata, EventTypeSpec spec,
        EventTypeStatus status) implements HasMetadata {

    /** A new EventType with the given metadata and spec and no status. */
    public static EventType of(ObjectMeta metadata, EventTypeSpec spec) {
        return new EventType(ResourceTypes.EVENT_TYPE.apiVersion(), ResourceTypes.EVENT_TYPE.kind(), metadata, spec,
                null);
    }

    public EventType withStatus(EventTypeStatus value) {
        return new EventType(apiVersion, kind, metadata, spec, value);
    }
}
