package dev.kumo.controller.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceStore;
import dev.kumo.store.Watch;
import dev.kumo.store.WatchEvent;
import dev.kumo.store.WatchListener;
import dev.kumo.store.WatchOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watch of one kind for one controller: maps each change to keys and enqueues them, and remembers the
 * resourceVersion of every object it has seen, so the engine can tell whether it has caught up with the store.
 * A watch the store ends (fell behind, expired) is started again from a fresh list.
 */
final class KindWatch implements WatchListener {

    private static final Logger LOG = LoggerFactory.getLogger(KindWatch.class);

    private final ResourceStore store;
    private final Trigger trigger;
    private final Consumer<NamespacedName> enqueue;
    private final Map<NamespacedName, String> seen = new ConcurrentHashMap<>();
    private volatile Watch watch;
    private volatile boolean closed;

    KindWatch(ResourceStore store, Trigger trigger, Consumer<NamespacedName> enqueue) {
        this.store = store;
        this.trigger = trigger;
        this.enqueue = enqueue;
    }

    void start() {
        seen.clear();
        watch = store.watch(trigger.type(), new WatchOptions(ListOptions.ALL, Optional.empty()), this);
    }

    @Override
    public void onEvent(WatchEvent event) {
        if (event.type() == WatchEvent.Type.BOOKMARK) {
            return;
        }
        ObjectNode object = event.object();
        NamespacedName key = NamespacedName.of(object);
        // Queued before it counts as seen: caughtUp() with an empty queue must mean its reconcile is done, not due.
        trigger.mapper().keys(object).forEach(enqueue);
        if (event.type() == WatchEvent.Type.DELETED) {
            seen.remove(key);
        } else {
            seen.put(key, resourceVersion(object));
        }
    }

    @Override
    public void closed(Optional<ApiException> reason) {
        if (closed || reason.isEmpty()) {
            return;
        }
        LOG.warn("watch of {} ended ({}); watching again from a fresh list", trigger.type().plural(),
                reason.get().getMessage());
        try {
            start();
        } catch (RuntimeException e) {
            LOG.error("watching {} again failed; its changes will only be seen at resync: {}",
                    trigger.type().plural(), e.getMessage());
        }
    }

    /** The keys of every object currently seen. */
    Set<NamespacedName> keys() {
        return Set.copyOf(seen.keySet());
    }

    /** Whether every object in the store, at its current resourceVersion, and no deleted one, has been seen. */
    boolean caughtUp() {
        Map<NamespacedName, String> stored = new HashMap<>();
        for (ObjectNode object : store.list(trigger.type(), ListOptions.ALL).items()) {
            stored.put(NamespacedName.of(object), resourceVersion(object));
        }
        return stored.equals(Map.copyOf(seen));
    }

    void close() {
        closed = true;
        Watch current = watch;
        if (current != null) {
            current.close();
        }
    }

    private static String resourceVersion(ObjectNode object) {
        return object.path("metadata").path("resourceVersion").asText("");
    }
}
