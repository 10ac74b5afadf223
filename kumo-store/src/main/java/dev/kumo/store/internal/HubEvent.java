package dev.kumo.store.internal;

import dev.kumo.store.WatchEvent;
import java.util.Map;
import java.util.Optional;

/**
 * A committed change as the watch hub keeps it: the resource it happened to, the event (its object is never changed
 * again), and for MODIFIED the labels before, so a watch with a label selector sees objects enter and leave it.
 */
record HubEvent(String resource, WatchEvent event, Optional<Map<String, String>> labelsBefore) {

    long resourceVersion() {
        return event.resourceVersion();
    }
}
