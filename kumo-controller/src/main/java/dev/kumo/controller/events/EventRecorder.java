package dev.kumo.controller.events;

import dev.kumo.api.events.ObjectReference;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.meta.ResourceType;

/**
 * Where controllers, the serving platform and eventing's adapters report what a user should see as a Kubernetes
 * Event (client-go's {@code EventRecorder}). Recording never blocks and never fails: the Event is aggregated and
 * written later, in the background.
 */
@FunctionalInterface
public interface EventRecorder {

    /** Records nothing: for tests and compositions without Events. */
    EventRecorder NONE = (about, type, reason, message) -> { };

    /** Kubernetes' two Event types. */
    enum Type { Normal, Warning }

    /** Records that {@code reason} happened to {@code about}, described by {@code message}. */
    void record(ObjectReference about, Type type, String reason, String message);

    default void normal(ObjectReference about, String reason, String message) {
        record(about, Type.Normal, reason, message);
    }

    default void warning(ObjectReference about, String reason, String message) {
        record(about, Type.Warning, reason, message);
    }

    /** A reference to the object of {@code type} with {@code metadata}, as an Event's {@code involvedObject}. */
    static ObjectReference about(ResourceType type, ObjectMeta metadata) {
        return new ObjectReference(type.kind(), metadata.namespace(), metadata.name(), metadata.uid(),
                type.apiVersion(), null, null);
    }

    /** A reference to the object of {@code type} named {@code namespace/name}, its uid unknown. */
    static ObjectReference about(ResourceType type, String namespace, String name) {
        return new ObjectReference(type.kind(), namespace, name, null, type.apiVersion(), null, null);
    }
}
