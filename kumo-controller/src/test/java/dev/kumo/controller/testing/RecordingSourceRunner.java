package dev.kumo.controller.testing;

import dev.kumo.api.meta.HasMetadata;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.source.SourceRunner;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A source runner that remembers the sink each source runs with; a source named {@code broken-*} cannot run. */
public final class RecordingSourceRunner<T extends HasMetadata> implements SourceRunner<T> {

    private final Map<NamespacedName, URI> running = new ConcurrentHashMap<>();

    @Override
    public Optional<String> run(T source, URI sink) {
        if (source.metadata().name().startsWith("broken-")) {
            return Optional.of("cannot run " + source.metadata().name());
        }
        running.put(new NamespacedName(source.metadata().namespace(), source.metadata().name()), sink);
        return Optional.empty();
    }

    @Override
    public void remove(NamespacedName source) {
        running.remove(source);
    }

    public Optional<URI> sink(String namespace, String name) {
        return Optional.ofNullable(running.get(new NamespacedName(namespace, name)));
    }
}
