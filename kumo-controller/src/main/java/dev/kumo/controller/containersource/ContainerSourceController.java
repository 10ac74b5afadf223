package dev.kumo.controller.containersource;

import static dev.kumo.api.sources.lifecycle.SourceConditions.RECEIVE_ADAPTER_READY;
import static dev.kumo.api.sources.lifecycle.SourceConditions.SINK_BINDING_READY;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.sources.ContainerSource;
import dev.kumo.api.sources.lifecycle.SourceConditions;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.duck.DestinationResolver;
import dev.kumo.controller.duck.Tracker;
import dev.kumo.controller.engine.Controller;
import dev.kumo.controller.engine.Engine;
import dev.kumo.controller.engine.KeyQueue;
import dev.kumo.controller.source.Sinks;
import dev.kumo.controller.source.SourceReconciler;
import dev.kumo.controller.source.SourceRunner;
import dev.kumo.store.ResourceStore;
import java.time.InstantSource;

/**
 * Wires the ContainerSource reconciler (a {@link SourceReconciler} whose runner keeps the template's container
 * running with {@code K_SINK}): its primary kind, the addressables the sinks name, and the runner's state changes.
 * Knative makes a Deployment and a SinkBinding; Kumo runs the container itself and gives it the sink directly, so
 * SinkBindingReady records the sink's resolution and ReceiveAdapterReady the container's state.
 */
public final class ContainerSourceController {

    public static final String NAME = "containersources";

    static final SourceReconciler.Kind<ContainerSource> KIND = new SourceReconciler.Kind<>(
            SourceConditions.CONTAINER_SOURCE, SINK_BINDING_READY, RECEIVE_ADAPTER_READY, s -> s.spec().sink(),
            ContainerSource::status, ContainerSource::withStatus, (source, status) -> { });

    private ContainerSourceController() {
    }

    /** Registers the controller with {@code engine}. */
    public static void register(Engine engine, ResourceStore store, InstantSource clock,
            SourceRunner<ContainerSource> runner) {
        Tracker tracker = new Tracker();
        KeyQueue queue = engine.register(DestinationResolver.watchingAddressables(Controller.of(NAME,
                ResourceTypes.CONTAINER_SOURCE, reconciler(store, clock, runner, tracker)), tracker));
        runner.onChange(queue::enqueue);
    }

    /** The reconciler alone, for tests that call it directly. */
    public static SourceReconciler<ContainerSource> reconciler(ResourceStore store, InstantSource clock,
            SourceRunner<ContainerSource> runner, Tracker tracker) {
        return new SourceReconciler<>(new TypedStore<>(store, ResourceTypes.CONTAINER_SOURCE,
                ContainerSource.class), KIND, new Sinks(new DestinationResolver(store), tracker), runner, clock);
    }
}
