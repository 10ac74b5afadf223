package dev.kumo.server.tracing;

import dev.kumo.api.meta.ResourceType;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory handoff from a traced write to the reconcile it causes: a write made while a sampled span is current
 * (an API request's, a reconcile's) leaves that span's context under the object's kind, namespace and name; the next
 * reconcile of that object takes it and becomes its child. Nothing is written to the object. The handoff keeps the
 * newest {@value #CAPACITY} objects' contexts (an object no controller reconciles leaves its entry until pushed out),
 * and follows a chain of reconciles writing what the next reconciles for {@value #MAX_HOPS} hops at most, so a
 * reconciler that kept writing could not grow one trace for ever.
 */
public final class WriteHandoff {

    static final int CAPACITY = 1_000;
    static final int MAX_HOPS = 16;

    /** How many reconciles the current one follows in its chain (absent: none, a request's span). */
    static final ContextKey<Integer> HOPS = ContextKey.named("kumo.reconcile.hops");

    /** A write's cause: the span current when it was made, and how many reconciles deep that span was. */
    public record Cause(SpanContext span, int hops) {
    }

    private final Map<Key, Cause> causes = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Cause> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The current span, if sampled, caused a write of {@code type}'s object {@code namespace/name}. */
    public void written(ResourceType type, String namespace, String name) {
        SpanContext current = Span.current().getSpanContext();
        int hops = Optional.ofNullable(Context.current().get(HOPS)).orElse(0);
        if (!current.isValid() || !current.isSampled() || name.isEmpty() || hops >= MAX_HOPS) {
            return;
        }
        synchronized (causes) {
            causes.remove(new Key(type, namespace, name));
            causes.put(new Key(type, namespace, name), new Cause(current, hops));
        }
    }

    /** The span whose write the reconcile of {@code type}'s object {@code namespace/name} follows, taken once. */
    public Optional<Cause> take(ResourceType type, String namespace, String name) {
        synchronized (causes) {
            return Optional.ofNullable(causes.remove(new Key(type, namespace, name)));
        }
    }

    private record Key(ResourceType type, String namespace, String name) {
    }
}
