package dev.kumo.server.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.events.ObjectReference;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Subscription a channel subscriber's uid belongs to (the mesh knows its subscribers by uid only), as an
 * Event's {@code involvedObject}; looked up in the store once per uid and kept (a few hundred at most).
 */
final class SubscriptionsByUid {

    private static final int KEPT = 512;

    private final ResourceStore store;
    private final Map<String, ObjectReference> known = new ConcurrentHashMap<>();

    SubscriptionsByUid(ResourceStore store) {
        this.store = store;
    }

    /** The Subscription already looked up, without asking the store: safe on the event loop. */
    Optional<ObjectReference> known(String uid) {
        return Optional.ofNullable(known.get(uid));
    }

    /** The Subscription of {@code uid} in {@code namespace}, empty if there is none (deleted since): blocks. */
    Optional<ObjectReference> find(String namespace, String uid) {
        return known(uid).or(() -> {
            for (JsonNode subscription : store.list(ResourceTypes.SUBSCRIPTION, ListOptions.in(namespace)).items()) {
                JsonNode metadata = subscription.path("metadata");
                if (uid.equals(metadata.path("uid").asText())) {
                    ObjectReference about = new ObjectReference(ResourceTypes.SUBSCRIPTION.kind(), namespace,
                            metadata.path("name").asText(), uid, ResourceTypes.SUBSCRIPTION.apiVersion(), null, null);
                    if (known.size() >= KEPT) {
                        known.clear();
                    }
                    known.put(uid, about);
                    return Optional.of(about);
                }
            }
            return Optional.empty();
        });
    }
}
