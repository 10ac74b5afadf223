package dev.kumo.serving.deployments;

import dev.kumo.controller.engine.Engine;
import dev.kumo.controller.engine.EngineOptions;
import dev.kumo.store.ResourceStore;
import java.time.InstantSource;

/** The Deployment controller on an engine of its own; closing stops it (instances stay until the runtimes close). */
public final class DeploymentControllers implements AutoCloseable {

    private final Engine engine;

    private DeploymentControllers(Engine engine) {
        this.engine = engine;
    }

    /** Starts reconciling the Deployments in {@code store}, running their instances through {@code runtime}. */
    public static DeploymentControllers start(ResourceStore store, InstantSource clock, DeploymentRuntime runtime) {
        Engine engine = new Engine(store, clock, EngineOptions.DEFAULTS);
        DeploymentController.register(engine, store, clock, runtime);
        engine.start();
        return new DeploymentControllers(engine);
    }

    @Override
    public void close() {
        engine.close();
    }
}
