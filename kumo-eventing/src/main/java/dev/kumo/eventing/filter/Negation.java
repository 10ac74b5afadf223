package dev.kumo.eventing.filter;

import io.cloudevents.CloudEvent;

/** The {@code not} dialect: passes when the nested filter does not. */
record Negation(EventFilter filter) implements EventFilter {

    @Override
    public boolean test(CloudEvent event) {
        return !filter.test(event);
    }
}
