package dev.kumo.server.tracing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.store.DeleteOptions;
import dev.kumo.store.ForwardingStore;
import dev.kumo.store.ResourceStore;
import io.opentelemetry.api.trace.Span;
import java.util.function.Supplier;

/**
 * A store that tells {@link WriteHandoff} which span caused each write, before the write (so the reconcile its
 * watch event starts finds it); a write that fails or changes nothing takes it back, as no reconcile follows.
 * Reads and watches pass through.
 */
public final class HandoffStore extends ForwardingStore {

    private final ResourceStore store;
    private final WriteHandoff handoff;

    public HandoffStore(ResourceStore store, WriteHandoff handoff) {
        super(store);
        this.store = store;
        this.handoff = handoff;
    }

    @Override
    public ObjectNode create(ResourceType type, ObjectNode object) {
        return traced(type, object, () -> store.create(type, object));
    }

    @Override
    public ObjectNode update(ResourceType type, ObjectNode object) {
        return traced(type, object, () -> store.update(type, object));
    }

    @Override
    public ObjectNode updateStatus(ResourceType type, ObjectNode object) {
        return traced(type, object, () -> store.updateStatus(type, object));
    }

    @Override
    public ObjectNode delete(ResourceType type, String namespace, String name, DeleteOptions options) {
        if (!Span.current().getSpanContext().isSampled()) {
            return store.delete(type, namespace, name, options);
        }
        handoff.written(type, namespace, name);
        try {
            return store.delete(type, namespace, name, options);
        } catch (RuntimeException e) {
            handoff.take(type, namespace, name);
            throw e;
        }
    }

    private ObjectNode traced(ResourceType type, ObjectNode object, Supplier<ObjectNode> write) {
        if (!Span.current().getSpanContext().isSampled()) {
            return write.get();
        }
        String namespace = object.path("metadata").path("namespace").asText("");
        String name = object.path("metadata").path("name").asText("");
        long before = store.resourceVersion();
        handoff.written(type, namespace, name);
        ObjectNode written;
        try {
            written = write.get();
        } catch (RuntimeException e) {
            handoff.take(type, namespace, name);
            throw e;
        }
        if (name.isEmpty()) {
            // A generated name is known only now; the reconcile may rarely have started without it.
            handoff.written(type, namespace, written.path("metadata").path("name").asText(""));
        } else if (written.path("metadata").path("resourceVersion").asLong(0) <= before) {
            handoff.take(type, namespace, name);
        }
        return written;
    }
}
