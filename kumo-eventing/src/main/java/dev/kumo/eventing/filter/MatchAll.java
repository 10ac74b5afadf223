package dev.kumo.eventing.filter;

import io.cloudevents.CloudEvent;

/** Passes every event: a Trigger without filters, or one whose filters all ended up empty. */
enum MatchAll implements EventFilter {
    INSTANCE;

    @Override
    public boolean test(CloudEvent event) {
        return true;
    }

    @Override
    public String toString() {
        return "MatchAll";
    }
}
