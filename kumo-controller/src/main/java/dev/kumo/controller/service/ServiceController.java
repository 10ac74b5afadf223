package dev.kumo.controller.service;

import dev.kumo.controller.events.EventRecorder;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.serving.Configuration;
import dev.kumo.api.serving.Route;
import dev.kumo.api.serving.Service;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.Controller;
import dev.kumo.controller.engine.Engine;
import dev.kumo.store.ResourceStore;
import java.time.InstantSource;

/** Wires the Service reconciler: Services are its primary kind, and it owns Configurations and Routes. */
public final class ServiceController {

    public static final String NAME = "services";

    private ServiceController() {
    }

    /** Registers the controller with {@code engine}. */
    public static void register(Engine engine, ResourceStore store, InstantSource clock) {
        register(engine, store, clock, EventRecorder.NONE);
    }

    /** Registers the controller with {@code engine}, recording Events through {@code events}. */
    public static void register(Engine engine, ResourceStore store, InstantSource clock, EventRecorder events) {
        engine.register(Controller.of(NAME, ResourceTypes.SERVICE, new ServiceReconciler(
                        new TypedStore<>(store, ResourceTypes.SERVICE, Service.class),
                        new TypedStore<>(store, ResourceTypes.CONFIGURATION, Configuration.class),
                        new TypedStore<>(store, ResourceTypes.ROUTE, Route.class), clock, events))
                .owning(ResourceTypes.CONFIGURATION)
                .owning(ResourceTypes.ROUTE));
    }

    /** The reconciler alone, for tests that call it directly. */
    public static ServiceReconciler reconciler(ResourceStore store, InstantSource clock) {
        return new ServiceReconciler(new TypedStore<>(store, ResourceTypes.SERVICE, Service.class),
                new TypedStore<>(store, ResourceTypes.CONFIGURATION, Configuration.class),
                new TypedStore<>(store, ResourceTypes.ROUTE, Route.class), clock);
    }
}
