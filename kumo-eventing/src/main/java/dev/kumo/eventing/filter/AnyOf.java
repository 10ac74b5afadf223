package dev.kumo.eventing.filter;

import io.cloudevents.CloudEvent;
import java.util.List;

/** Passes when at least one filter passes; stops at the first that does. */
record AnyOf(List<EventFilter> filters) implements EventFilter {

    AnyOf {
        filters = List.copyOf(filters);
    }

    @Override
    public boolean test(CloudEvent event) {
        for (EventFilter filter : filters) {
            if (filter.test(event)) {
                return true;
            }
        }
        return false;
    }
}
