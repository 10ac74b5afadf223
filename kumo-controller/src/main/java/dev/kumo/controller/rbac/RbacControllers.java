package dev.kumo.controller.rbac;

import dev.kumo.controller.engine.Engine;
import dev.kumo.controller.engine.EngineOptions;
import dev.kumo.store.ResourceStore;
import java.time.Duration;
import java.time.InstantSource;

/** RBAC's controllers on one engine over a store; closing it stops them. */
public final class RbacControllers implements AutoCloseable {

    private final Engine engine;

    private RbacControllers(Engine engine) {
        this.engine = engine;
    }

    /** Starts ClusterRole aggregation over {@code store}. */
    public static RbacControllers start(ResourceStore store, InstantSource clock) {
        return start(store, clock, EngineOptions.DEFAULTS);
    }

    /** The same, the engine running with {@code options}. */
    public static RbacControllers start(ResourceStore store, InstantSource clock, EngineOptions options) {
        Engine engine = new Engine(store, clock, options);
        ClusterRoleAggregationController.register(engine, store);
        engine.start();
        return new RbacControllers(engine);
    }

    /** Waits until the controllers have nothing left to do; see {@link Engine#awaitIdle}. */
    public boolean awaitIdle(Duration timeout) {
        return engine.awaitIdle(timeout);
    }

    @Override
    public void close() {
        engine.close();
    }
}
