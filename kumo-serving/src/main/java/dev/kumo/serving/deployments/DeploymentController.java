package dev.kumo.serving.deployments;

import dev.kumo.api.apps.Deployment;
import dev.kumo.api.apps.ReplicaSet;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.Controller;
import dev.kumo.controller.engine.Engine;
import dev.kumo.controller.engine.KeyQueue;
import dev.kumo.store.ResourceStore;
import java.time.InstantSource;

/**
 * Wires the Deployment reconciler: Deployments are its primary kind; their instances' changes and their ReplicaSets'
 * (a view a client deleted or edited is written again) enqueue them.
 */
public final class DeploymentController {

    public static final String NAME = "deployments";

    private DeploymentController() {
    }

    /** Registers the controller with {@code engine}, running instances through {@code runtime}. */
    public static void register(Engine engine, ResourceStore store, InstantSource clock, DeploymentRuntime runtime) {
        KeyQueue queue = engine.register(Controller.of(NAME, ResourceTypes.DEPLOYMENT, new DeploymentReconciler(
                new TypedStore<>(store, ResourceTypes.DEPLOYMENT, Deployment.class),
                new TypedStore<>(store, ResourceTypes.REPLICA_SET, ReplicaSet.class), runtime, clock))
                .owning(ResourceTypes.REPLICA_SET));
        runtime.onChange(queue::enqueue);
    }
}
