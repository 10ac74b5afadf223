package dev.kumo.controller.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.store.DeleteOptions;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceList;
import dev.kumo.store.ResourceStore;
import dev.kumo.store.Watch;
import dev.kumo.store.WatchListener;
import dev.kumo.store.WatchOptions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A real store that counts the lists made of each kind, for tests about how much a reconcile reads. */
public final class CountingStore implements ResourceStore {

    private final ResourceStore store;
    private final Map<ResourceType, AtomicInteger> lists = new ConcurrentHashMap<>();

    public CountingStore(ResourceStore store) {
        this.store = store;
    }

    /** How many times {@code type} was listed. */
    public int lists(ResourceType type) {
        return lists.getOrDefault(type, new AtomicInteger()).get();
    }

    @Override
    public ResourceList list(ResourceType type, ListOptions options) {
        lists.computeIfAbsent(type, t -> new AtomicInteger()).incrementAndGet();
        return store.list(type, options);
    }

    @Override
    public ObjectNode create(ResourceType type, ObjectNode object) {
        return store.create(type, object);
    }

    @Override
    public Optional<ObjectNode> get(ResourceType type, String namespace, String name) {
        return store.get(type, namespace, name);
    }

    @Override
    public ObjectNode update(ResourceType type, ObjectNode object) {
        return store.update(type, object);
    }

    @Override
    public ObjectNode updateStatus(ResourceType type, ObjectNode object) {
        return store.updateStatus(type, object);
    }

    @Override
    public ObjectNode delete(ResourceType type, String namespace, String name, DeleteOptions options) {
        return store.delete(type, namespace, name, options);
    }

    @Override
    public Watch watch(ResourceType type, WatchOptions options, WatchListener listener) {
        return store.watch(type, options, listener);
    }

    @Override
    public long resourceVersion() {
        return store.resourceVersion();
    }

    @Override
    public void close() {
        store.close();
    }
}
