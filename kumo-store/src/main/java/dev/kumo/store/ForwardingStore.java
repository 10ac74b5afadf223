package dev.kumo.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.meta.ResourceType;
import java.util.Optional;

/** A store that hands every call to another; a decorator overrides only the calls it changes. */
public abstract class ForwardingStore implements ResourceStore {

    private final ResourceStore store;

    protected ForwardingStore(ResourceStore store) {
        this.store = store;
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
    public ResourceList list(ResourceType type, ListOptions options) {
        return store.list(type, options);
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
