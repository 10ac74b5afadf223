package dev.kumo.serving.services;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.controller.engine.Controller;
import dev.kumo.controller.engine.Engine;
import dev.kumo.controller.engine.EngineOptions;
import dev.kumo.controller.events.EventRecorder;
import dev.kumo.store.ResourceStore;
import java.time.InstantSource;

/** The core Services' addresses on an engine of their own; closing stops it and closes every listener. */
public final class ServiceAddresses implements AutoCloseable {

    public static final String NAME = "service-addresses";

    private final Engine engine;
    private final ServiceAddressReconciler reconciler;

    private ServiceAddresses(Engine engine, ServiceAddressReconciler reconciler) {
        this.engine = engine;
        this.reconciler = reconciler;
    }

    /** Starts giving the core Services in {@code store} their addresses, reporting unknown targetPorts to events. */
    public static ServiceAddresses start(ResourceStore store, InstantSource clock, EventRecorder events) {
        ServiceAddressReconciler reconciler = new ServiceAddressReconciler(store, events);
        Engine engine = new Engine(store, clock, EngineOptions.DEFAULTS);
        engine.register(Controller.of(NAME, ResourceTypes.CORE_SERVICE, reconciler));
        engine.start();
        return new ServiceAddresses(engine, reconciler);
    }

    @Override
    public void close() {
        engine.close();
        reconciler.close();
    }
}
