package dev.kumo.controller.source;

import dev.kumo.controller.engine.NamespacedName;
import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a source reconciler needs of whatever runs its sources (the ping runner, the ApiServerSource watches):
 * the consumer-declared seam, implemented in kumo-server. Calls must be idempotent.
 */
public interface SourceRunner<T> {

    /** Runs {@code source}, sending to {@code sink}, from now on; returns why it cannot, if it cannot. */
    Optional<String> run(T source, URI sink);

    /** The source is gone, or has no sink: stop it and forget it. */
    void remove(NamespacedName source);

    /** Registers the callback told the key of a source whose running state changed (runners that report it). */
    default void onChange(Consumer<NamespacedName> listener) {
    }
}
