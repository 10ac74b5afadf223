package dev.kumo.server.tracing;

import dev.kumo.api.meta.ResourceType;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory handoff from a traced write to the reconcile it causes: a write made while a sampled span is current
 * (an API request's, a reconcile's) leaves that span's context under the object's kind, namespace and name; the next
 * reconcile of that object takes it and becomes its child. Nothing is written to the object. The handoff keeps the
 * newest {@value #CAPACITY} objects' contexts (an object no controller reconciles leaves its entry until pushed out).
 */
public final class WriteHandoff {

    static final int CAPACITY = 1_000;

    private final Map<Key, SpanContext> causes = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, SpanContext> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The current span, if sampled, caused a write of {@code type}'s object {@code namespace/name}. */
    public void written(ResourceType type, String namespace, String name) {
        SpanContext current = Span.current().getSpanContext();
        if (!current.isValid() || !current.isSampled() || name.isEmpty()) {
            return;
        }
        synchronized (causes) {
            causes.remove(new Key(type, namespace, name));
            causes.put(new Key(type, namespace, name), current);
        }
    }

    /** The span whose write the reconcile of {@code type}'s object {@code namespace/name} follows, taken once. */
    public Optional<SpanContext> take(ResourceType type, String namespace, String name) {
        synchronized (causes) {
            return Optional.ofNullable(causes.remove(new Key(type, namespace, name)));
        }
    }

    private record Key(ResourceType type, String namespace, String name) {
    }
}
