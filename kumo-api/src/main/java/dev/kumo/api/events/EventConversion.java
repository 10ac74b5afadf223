package dev.kumo.api.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.kinds.StoredVersion;
import dev.kumo.api.meta.ResourceType;

/**
 * {@code events.k8s.io/v1} ↔ core v1 Events, field for field as Kubernetes converts them ({@code regarding} ↔
 * {@code involvedObject}, {@code note} ↔ {@code message}, {@code reportingController} ↔ {@code reportingComponent},
 * {@code deprecated*} ↔ {@code source}, {@code firstTimestamp}, {@code lastTimestamp}, {@code count}). Where one side
 * lacks what the other expresses in its own terms, the newer and older fields stand in for each other: {@code count}
 * ↔ {@code series.count}, {@code source.component} ↔ {@code reportingController}, {@code firstTimestamp} /
 * {@code lastTimestamp} ↔ {@code eventTime} / {@code series.lastObservedTime}.
 */
public final class EventConversion implements StoredVersion {

    @Override
    public ResourceType stored() {
        return ResourceTypes.EVENT;
    }

    @Override
    public ObjectNode toStored(ObjectNode served) {
        ObjectNode core = Json.object().put("apiVersion", "v1").put("kind", "Event");
        copy(served, "metadata", core, "metadata");
        copy(served, "regarding", core, "involvedObject");
        copy(served, "reason", core, "reason");
        copy(served, "note", core, "message");
        if (served.hasNonNull("deprecatedSource")) {
            copy(served, "deprecatedSource", core, "source");
        } else if (served.hasNonNull("reportingController")) {
            core.putObject("source").put("component", served.get("reportingController").asText());
        }
        String eventTime = served.path("eventTime").asText("");
        String lastObserved = served.path("series").path("lastObservedTime").asText(eventTime);
        textOr(core, "firstTimestamp", served, "deprecatedFirstTimestamp", EventTimes.seconds(eventTime));
        textOr(core, "lastTimestamp", served, "deprecatedLastTimestamp", EventTimes.seconds(lastObserved));
        if (served.hasNonNull("deprecatedCount")) {
            core.put("count", served.get("deprecatedCount").asInt());
        } else {
            core.put("count", served.path("series").path("count").asInt(1));
        }
        copy(served, "type", core, "type");
        copy(served, "eventTime", core, "eventTime");
        copy(served, "series", core, "series");
        copy(served, "action", core, "action");
        copy(served, "related", core, "related");
        copy(served, "reportingController", core, "reportingComponent");
        copy(served, "reportingInstance", core, "reportingInstance");
        return core;
    }

    @Override
    public ObjectNode fromStored(ObjectNode core) {
        ObjectNode v1 = Json.object().put("apiVersion", ResourceTypes.EVENTS_V1_EVENT.apiVersion())
                .put("kind", "Event");
        copy(core, "metadata", v1, "metadata");
        String first = core.path("firstTimestamp").asText("");
        String last = core.path("lastTimestamp").asText(first);
        textOr(v1, "eventTime", core, "eventTime", EventTimes.micro(first.isEmpty()
                ? core.path("metadata").path("creationTimestamp").asText("") : first));
        if (core.hasNonNull("series")) {
            copy(core, "series", v1, "series");
        } else if (core.path("count").asInt(0) > 1) {
            v1.putObject("series").put("count", core.get("count").asInt())
                    .put("lastObservedTime", EventTimes.micro(last));
        }
        textOr(v1, "reportingController", core, "reportingComponent",
                core.path("source").path("component").asText(""));
        textOr(v1, "reportingInstance", core, "reportingInstance", core.path("source").path("host").asText(""));
        copy(core, "action", v1, "action");
        copy(core, "reason", v1, "reason");
        copy(core, "involvedObject", v1, "regarding");
        copy(core, "related", v1, "related");
        copy(core, "message", v1, "note");
        copy(core, "type", v1, "type");
        copy(core, "source", v1, "deprecatedSource");
        copy(core, "firstTimestamp", v1, "deprecatedFirstTimestamp");
        copy(core, "lastTimestamp", v1, "deprecatedLastTimestamp");
        copy(core, "count", v1, "deprecatedCount");
        return v1;
    }

    private static void copy(ObjectNode from, String field, ObjectNode to, String as) {
        JsonNode value = from.get(field);
        if (value != null && !value.isNull()) {
            to.set(as, value.deepCopy());
        }
    }

    /** {@code to.as} = {@code from.field} if set, else {@code fallback} unless it is empty. */
    private static void textOr(ObjectNode to, String as, ObjectNode from, String field, String fallback) {
        if (from.hasNonNull(field)) {
            to.set(as, from.get(field).deepCopy());
        } else if (!fallback.isEmpty()) {
            to.put(as, fallback);
        }
    }
}
