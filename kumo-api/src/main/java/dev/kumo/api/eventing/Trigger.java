package dev.kumo.api.eventing;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;

/** A Knative Trigger: a subscription to the events of one Broker that pass its filters. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Trigger(String apiVersion, String kind, ObjectMeta metadata, TriggerSpec spec, TriggerStatus status)
        implements HasMetadata {

    /** The label naming the Trigger's Broker, set from {@code spec.broker}. */
    public static final String BROKER_LABEL = "eventing.knative.dev/broker";
    /** An annotation naming an object (JSON ObjectReference) whose readiness the Trigger waits for. */
    public static final String DEPENDENCY_ANNOTATION = "knative.dev/dependency";
    /** An annotation ({@code enabled}|{@code disabled}) asking for the namespace's {@code default} Broker. */
    public static final String INJECTION_ANNOTATION = "eventing.knative.dev/injection";

    /** A new Trigger with the given metadata and spec and no status. */
    public static Trigger of(ObjectMeta metadata, TriggerSpec spec) {
        return new Trigger(ResourceTypes.TRIGGER.apiVersion(), ResourceTypes.TRIGGER.kind(), metadata, spec, null);
    }

    public Trigger withMetadata(ObjectMeta value) {
        return new Trigger(apiVersion, kind, value, spec, status);
    }

    public Trigger withSpec(TriggerSpec value) {
        return new Trigger(apiVersion, kind, metadata, value, status);
    }

    public Trigger withStatus(TriggerStatus value) {
        return new Trigger(apiVersion, kind, metadata, spec, value);
    }
}
