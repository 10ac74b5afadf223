package dev.kumo.controller.trigger;

import dev.kumo.controller.engine.NamespacedName;
import java.util.Optional;

/** What the Trigger reconciler needs of the event mesh (kumo-eventing implements it). Calls must be idempotent. */
public interface TriggerDataPlane {

    /** A filter that cannot be compiled: its path in the Trigger spec ({@code filters[0].cesql}) and why. */
    record InvalidFilter(String field, String message) {
    }

    /**
     * Routes the Trigger's events from now on (a known Trigger resumes where it was); returns the invalid filter
     * instead when its filters cannot be compiled, and then routes nothing new.
     */
    Optional<InvalidFilter> route(TriggerRoute route);

    /** The Trigger is gone, or cannot receive events: stop delivering and forget its position. */
    void remove(NamespacedName trigger);
}
