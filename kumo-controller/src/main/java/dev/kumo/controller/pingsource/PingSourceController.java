package dev.kumo.controller.pingsource;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.sources.PingSource;
import dev.kumo.api.sources.SourceStatus;
import dev.kumo.api.sources.lifecycle.SourceConditions;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.duck.DestinationResolver;
import dev.kumo.controller.duck.Tracker;
import dev.kumo.controller.engine.Controller;
import dev.kumo.controller.engine.Engine;
import dev.kumo.controller.source.Sinks;
import dev.kumo.controller.source.SourceReconciler;
import dev.kumo.controller.source.SourceRunner;
import dev.kumo.store.ResourceStore;
import java.time.InstantSource;
import java.util.List;

/**
 * Wires the PingSource reconciler (a {@link SourceReconciler} whose runner fires the source on its schedule):
 * PingSources are its primary kind; the addressables their sinks name trigger it.
 */
public final class PingSourceController {

    public static final String NAME = "pingsources";

    /** Ready from SinkProvided and Deployed; the events are {@code dev.knative.sources.ping} from the source's path. */
    static final SourceReconciler.Kind<PingSource> KIND = SourceReconciler.Kind.deployed(
            SourceConditions.PING_SOURCE, s -> s.spec().sink(), PingSource::status, PingSource::withStatus,
            (source, status) -> status.setCeAttributes(List.of(new SourceStatus.CloudEventAttributes(
                    PingSource.EVENT_TYPE, PingSource.eventSource(source.metadata().namespace(),
                            source.metadata().name())))));

    private PingSourceController() {
    }

    /** Registers the controller with {@code engine}. */
    public static void register(Engine engine, ResourceStore store, InstantSource clock,
            SourceRunner<PingSource> runner) {
        Tracker tracker = new Tracker();
        engine.register(DestinationResolver.watchingAddressables(
                Controller.of(NAME, ResourceTypes.PING_SOURCE, reconciler(store, clock, runner, tracker)), tracker));
    }

    /** The reconciler alone, for tests that call it directly. */
    public static SourceReconciler<PingSource> reconciler(ResourceStore store, InstantSource clock,
            SourceRunner<PingSource> runner, Tracker tracker) {
        return new SourceReconciler<>(new TypedStore<>(store, ResourceTypes.PING_SOURCE, PingSource.class), KIND,
                new Sinks(new DestinationResolver(store), tracker), runner, clock);
    }
}
