package dev.kumo.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.Kinds;
import dev.kumo.api.kinds.StoredVersion;
import dev.kumo.api.meta.ResourceType;
import java.util.Optional;

/**
 * Serves a kind kept as another kind's objects ({@link KindDefinition#storedAs}): each call on it goes to the stored
 * kind, with the object converted on the way in and out, watches included — so {@code events.k8s.io/v1} Events are
 * the core Events, read in the newer form. Field selectors name the stored form. Every other kind passes through.
 */
public final class ConvertingStore extends ForwardingStore {

    private final Kinds kinds;

    public ConvertingStore(ResourceStore store, Kinds kinds) {
        super(store);
        this.kinds = kinds;
    }

    @Override
    public ObjectNode create(ResourceType type, ObjectNode object) {
        return conversion(type).map(c -> c.fromStored(super.create(c.stored(), c.toStored(object))))
                .orElseGet(() -> super.create(type, object));
    }

    @Override
    public Optional<ObjectNode> get(ResourceType type, String namespace, String name) {
        Optional<StoredVersion> conversion = conversion(type);
        if (conversion.isEmpty()) {
            return super.get(type, namespace, name);
        }
        return super.get(conversion.get().stored(), namespace, name).map(conversion.get()::fromStored);
    }

    @Override
    public ResourceList list(ResourceType type, ListOptions options) {
        Optional<StoredVersion> conversion = conversion(type);
        if (conversion.isEmpty()) {
            return super.list(type, options);
        }
        ResourceList stored = super.list(conversion.get().stored(), options);
        return new ResourceList(stored.items().stream().map(conversion.get()::fromStored).toList(),
                stored.resourceVersion());
    }

    @Override
    public ObjectNode update(ResourceType type, ObjectNode object) {
        return conversion(type).map(c -> c.fromStored(super.update(c.stored(), c.toStored(object))))
                .orElseGet(() -> super.update(type, object));
    }

    @Override
    public ObjectNode updateStatus(ResourceType type, ObjectNode object) {
        if (conversion(type).isPresent()) {
            throw ApiException.notFound(type.storageKey() + "/status", object.path("metadata").path("name").asText());
        }
        return super.updateStatus(type, object);
    }

    @Override
    public ObjectNode delete(ResourceType type, String namespace, String name, DeleteOptions options) {
        return conversion(type).map(c -> c.fromStored(super.delete(c.stored(), namespace, name, options)))
                .orElseGet(() -> super.delete(type, namespace, name, options));
    }

    @Override
    public Watch watch(ResourceType type, WatchOptions options, WatchListener listener) {
        Optional<StoredVersion> conversion = conversion(type);
        if (conversion.isEmpty()) {
            return super.watch(type, options, listener);
        }
        StoredVersion c = conversion.get();
        return super.watch(c.stored(), options, new WatchListener() {
            @Override
            public void onEvent(WatchEvent event) {
                ObjectNode object = event.type() == WatchEvent.Type.BOOKMARK ? event.object()
                        : c.fromStored(event.object());
                listener.onEvent(new WatchEvent(event.type(), object, event.resourceVersion()));
            }

            @Override
            public void closed(Optional<ApiException> reason) {
                listener.closed(reason);
            }
        });
    }

    private Optional<StoredVersion> conversion(ResourceType type) {
        return kinds.find(type.group(), type.version(), type.plural()).flatMap(KindDefinition::storedAs);
    }
}
