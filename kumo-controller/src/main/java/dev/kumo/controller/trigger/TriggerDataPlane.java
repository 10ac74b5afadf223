package dev.kumo.controller.trigger;

import dev.kumo.controller.engine.NamespacedName;
import java.util.Optional;
import java.util.function.Consumer;

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

    /** Why the Trigger's delivery cannot move on (the mesh keeps trying); empty while it delivers. */
    Optional<String> dispatchProblem(NamespacedName trigger);

    /** Calls {@code listener} with a Trigger whose {@link #dispatchProblem} started or ended. */
    void onDispatchProblem(Consumer<NamespacedName> listener);
}
