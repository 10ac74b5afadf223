package dev.kumo.controller.broker;

import dev.kumo.api.eventing.Broker;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.duck.DestinationResolver;
import dev.kumo.controller.duck.Tracker;
import dev.kumo.controller.engine.Controller;
import dev.kumo.controller.engine.Engine;
import dev.kumo.store.ResourceStore;
import java.time.InstantSource;

/** Wires the Broker reconciler: Brokers are its primary kind; the addressables their dead-letter sinks name too. */
public final class BrokerController {

    public static final String NAME = "brokers";

    private BrokerController() {
    }

    /** Registers the controller with {@code engine}. */
    public static void register(Engine engine, ResourceStore store, InstantSource clock, BrokerDataPlane dataPlane) {
        Tracker tracker = new Tracker();
        engine.register(DestinationResolver.watchingAddressables(
                Controller.of(NAME, ResourceTypes.BROKER, reconciler(store, clock, dataPlane, tracker)), tracker));
    }

    /** The reconciler alone, for tests that call it directly. */
    public static BrokerReconciler reconciler(ResourceStore store, InstantSource clock, BrokerDataPlane dataPlane,
            Tracker tracker) {
        return new BrokerReconciler(new TypedStore<>(store, ResourceTypes.BROKER, Broker.class),
                new DestinationResolver(store), tracker, dataPlane, clock);
    }
}
