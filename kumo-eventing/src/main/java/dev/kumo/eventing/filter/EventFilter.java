package dev.kumo.eventing.filter;

import io.cloudevents.CloudEvent;
import java.util.function.Predicate;

/** A compiled Trigger filter: {@code true} when the event passes. Immutable and safe to share between threads. */
@FunctionalInterface
public interface EventFilter extends Predicate<CloudEvent> {

    /** The filter of a Trigger that filters nothing. */
    static EventFilter matchAll() {
        return MatchAll.INSTANCE;
    }
}
