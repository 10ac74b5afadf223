package dev.kumo.controller.configuration;

import dev.kumo.controller.events.EventRecorder;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.serving.Configuration;
import dev.kumo.api.serving.Revision;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.Controller;
import dev.kumo.controller.engine.Engine;
import dev.kumo.store.ResourceStore;
import java.time.InstantSource;

/** Wires the Configuration reconciler: Configurations are its primary kind, and it owns Revisions. */
public final class ConfigurationController {

    public static final String NAME = "configurations";

    private ConfigurationController() {
    }

    /** Registers the controller with {@code engine}. */
    public static void register(Engine engine, ResourceStore store, InstantSource clock) {
        register(engine, store, clock, EventRecorder.NONE);
    }

    /** Registers the controller with {@code engine}, recording Events through {@code events}. */
    public static void register(Engine engine, ResourceStore store, InstantSource clock, EventRecorder events) {
        engine.register(Controller.of(NAME, ResourceTypes.CONFIGURATION, new ConfigurationReconciler(
                        new TypedStore<>(store, ResourceTypes.CONFIGURATION, Configuration.class),
                        new TypedStore<>(store, ResourceTypes.REVISION, Revision.class), clock, events))
                .owning(ResourceTypes.REVISION));
    }

    /** The reconciler alone, for tests that call it directly. */
    public static ConfigurationReconciler reconciler(ResourceStore store, InstantSource clock) {
        return new ConfigurationReconciler(new TypedStore<>(store, ResourceTypes.CONFIGURATION, Configuration.class),
                new TypedStore<>(store, ResourceTypes.REVISION, Revision.class), clock);
    }
}
