package dev.kumo.eventing.filter;

import io.cloudevents.CloudEvent;
import java.util.List;

/** Passes when every filter passes; stops at the first that fails. */
record AllOf(List<EventFilter> filters) implements EventFilter {

    AllOf {
        filters = List.copyOf(filters);
    }

    @Override
    public boolean test(CloudEvent event) {
        for (EventFilter filter : filters) {
            if (!filter.test(event)) {
                return false;
            }
        }
        return true;
    }
}
