package dev.kumo.controller.source;

import dev.kumo.api.duck.Destination;
import dev.kumo.controller.duck.DestinationResolver;
import dev.kumo.controller.duck.Resolution;
import dev.kumo.controller.duck.Tracker;
import dev.kumo.controller.engine.NamespacedName;
import java.net.URI;
import java.util.Optional;

/** Resolves a source's sink, tracking what it names first, and records the outcome as SinkProvided. */
public final class Sinks {

    private final DestinationResolver resolver;
    private final Tracker tracker;

    public Sinks(DestinationResolver resolver, Tracker tracker) {
        this.resolver = resolver;
        this.tracker = tracker;
    }

    /** The sink's URI, or empty with SinkProvided False saying why. */
    public Optional<URI> resolve(NamespacedName source, Destination sink, SourceLifecycle status) {
        tracker.track(source, DestinationResolver.reference(sink, source.namespace()).stream().toList());
        return switch (resolver.resolve(sink, source.namespace())) {
            case Resolution.Unresolved unresolved -> {
                status.markNoSink(unresolved.message());
                yield Optional.empty();
            }
            case Resolution.Resolved resolved -> {
                status.markSink(resolved.uri());
                yield Optional.of(resolved.uri());
            }
        };
    }

    /** The source is gone: it names nothing any more. */
    public void forget(NamespacedName source) {
        tracker.forget(source);
    }
}
