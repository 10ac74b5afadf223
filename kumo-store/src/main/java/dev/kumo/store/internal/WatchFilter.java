package dev.kumo.store.internal;

import dev.kumo.api.meta.LabelSelector;
import dev.kumo.store.ListOptions;
import dev.kumo.store.WatchEvent;
import java.util.Optional;

/**
 * Which committed changes one watch sees, and as what: with a label selector, an object modified into the selection
 * arrives as ADDED and one modified out of it as DELETED, as the Kubernetes watch cache reports them.
 */
record WatchFilter(String resource, ListOptions options) {

    Optional<WatchEvent> apply(HubEvent change) {
        WatchEvent event = change.event();
        if (!change.resource().equals(resource)
                || options.namespace().filter(ns -> !ns.equals(MetaNode.text(event.object(), "namespace"))).isPresent()
                || options.name().filter(n -> !n.equals(MetaNode.text(event.object(), "name"))).isPresent()
                || !options.matchesFields(event.object())) {
            return Optional.empty();
        }
        LabelSelector selector = options.labels();
        if (selector.isEverything()) {
            return Optional.of(event);
        }
        boolean now = selector.matches(MetaNode.labels(event.object()));
        boolean before = change.labelsBefore().map(selector::matches).orElse(now);
        if (now && before) {
            return Optional.of(event);
        }
        if (now || before) {
            WatchEvent.Type type = now ? WatchEvent.Type.ADDED : WatchEvent.Type.DELETED;
            return Optional.of(new WatchEvent(type, event.object(), event.resourceVersion()));
        }
        return Optional.empty();
    }
}
