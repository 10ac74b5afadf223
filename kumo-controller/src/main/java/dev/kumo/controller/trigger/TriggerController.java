package dev.kumo.controller.trigger;

import dev.kumo.api.eventing.Broker;
import dev.kumo.api.eventing.Trigger;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.duck.DestinationResolver;
import dev.kumo.controller.duck.Tracker;
import dev.kumo.controller.engine.Controller;
import dev.kumo.controller.engine.Engine;
import dev.kumo.store.ResourceStore;
import java.time.InstantSource;

/**
 * Wires the Trigger reconciler: Triggers are its primary kind; their Brokers, the addressables they deliver to and
 * the sources they depend on trigger it (through the tracker), and so does the mesh when a Trigger's dispatcher gets
 * stuck or moves again.
 */
public final class TriggerController {

    public static final String NAME = "triggers";

    private TriggerController() {
    }

    /** Registers the controller with {@code engine}. */
    public static void register(Engine engine, ResourceStore store, InstantSource clock, TriggerDataPlane dataPlane) {
        Tracker tracker = new Tracker();
        Controller controller = DestinationResolver.watchingAddressables(
                Controller.of(NAME, ResourceTypes.TRIGGER, reconciler(store, clock, dataPlane, tracker)), tracker);
        for (ResourceType source : TriggerDependency.SOURCES) {
            controller = controller.watching(source, tracker.mapper());
        }
        dataPlane.onDispatchProblem(engine.register(controller)::enqueue);
    }

    /** The reconciler alone, for tests that call it directly. */
    public static TriggerReconciler reconciler(ResourceStore store, InstantSource clock, TriggerDataPlane dataPlane,
            Tracker tracker) {
        return new TriggerReconciler(new TypedStore<>(store, ResourceTypes.TRIGGER, Trigger.class),
                new TypedStore<>(store, ResourceTypes.BROKER, Broker.class), new DestinationResolver(store),
                new TriggerDependency(store), tracker, dataPlane, clock);
    }
}
