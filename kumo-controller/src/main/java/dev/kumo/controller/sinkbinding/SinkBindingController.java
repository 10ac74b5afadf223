package dev.kumo.controller.sinkbinding;

import dev.kumo.api.apps.Deployment;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.serving.Service;
import dev.kumo.api.sources.SinkBinding;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.duck.DestinationResolver;
import dev.kumo.controller.duck.Tracker;
import dev.kumo.controller.engine.Controller;
import dev.kumo.controller.engine.Engine;
import dev.kumo.controller.source.Sinks;
import dev.kumo.store.ResourceStore;
import java.time.InstantSource;

/**
 * Wires the SinkBinding reconciler: SinkBindings are its primary kind; their subject Services and the addressables
 * their sinks name trigger it.
 */
public final class SinkBindingController {

    public static final String NAME = "sinkbindings";

    private SinkBindingController() {
    }

    /** Registers the controller with {@code engine}. */
    public static void register(Engine engine, ResourceStore store, InstantSource clock) {
        Tracker tracker = new Tracker();
        engine.register(DestinationResolver.watchingAddressables(Controller.of(NAME, ResourceTypes.SINK_BINDING,
                reconciler(store, clock, tracker)), tracker)
                .watching(ResourceTypes.SERVICE, SinkBindingSubjects.toService(store))
                .watching(ResourceTypes.DEPLOYMENT, SinkBindingSubjects.toDeployment(store)));
    }

    /** The reconciler alone, for tests that call it directly. */
    public static SinkBindingReconciler reconciler(ResourceStore store, InstantSource clock, Tracker tracker) {
        return new SinkBindingReconciler(new TypedStore<>(store, ResourceTypes.SINK_BINDING, SinkBinding.class),
                new TypedStore<>(store, ResourceTypes.SERVICE, Service.class),
                new TypedStore<>(store, ResourceTypes.DEPLOYMENT, Deployment.class),
                new Sinks(new DestinationResolver(store), tracker), clock);
    }
}
