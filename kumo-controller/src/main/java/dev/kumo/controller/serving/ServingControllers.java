package dev.kumo.controller.serving;

import dev.kumo.controller.events.EventRecorder;

import dev.kumo.controller.configuration.ConfigurationController;
import dev.kumo.controller.domainmapping.DomainMappingController;
import dev.kumo.controller.engine.Engine;
import dev.kumo.controller.revision.ImageResolver;
import dev.kumo.controller.revision.RevisionController;
import dev.kumo.controller.revision.RevisionInstances;
import dev.kumo.controller.route.RouteController;
import dev.kumo.controller.route.RoutingSink;
import dev.kumo.controller.service.ServiceController;
import dev.kumo.store.ResourceStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.function.Consumer;

/** The four serving controllers running on one engine over a store; closing it stops them. */
public final class ServingControllers implements AutoCloseable {

    private final Engine engine;

    private ServingControllers(Engine engine) {
        this.engine = engine;
    }

    /**
     * Starts the Service, Configuration, Route and Revision controllers: Revisions run through {@code instances},
     * resolved routing goes to {@code routing}.
     */
    public static ServingControllers start(ResourceStore store, InstantSource clock, ServingControllerConfig config,
            RevisionInstances instances, RoutingSink routing) {
        return start(store, clock, config, instances, routing, engine -> RevisionController.register(engine, store,
                clock, instances, config.progressDeadline()));
    }

    /** As {@link #start}, each Revision's image tags resolved to digests through {@code images} before it runs. */
    public static ServingControllers start(ResourceStore store, InstantSource clock, ServingControllerConfig config,
            RevisionInstances instances, RoutingSink routing, ImageResolver images) {
        return start(store, clock, config, instances, routing, engine -> RevisionController.register(engine, store,
                clock, instances, config.progressDeadline(), images));
    }

    /** As {@link #start}, with images resolved through {@code images} and Events recorded through {@code events}. */
    public static ServingControllers start(ResourceStore store, InstantSource clock, ServingControllerConfig config,
            RevisionInstances instances, RoutingSink routing, ImageResolver images, EventRecorder events) {
        return start(store, clock, config, instances, routing, events, engine -> RevisionController.register(engine,
                store, clock, instances, config.progressDeadline(), images, events));
    }

    private static ServingControllers start(ResourceStore store, InstantSource clock, ServingControllerConfig config,
            RevisionInstances instances, RoutingSink routing, Consumer<Engine> revisions) {
        return start(store, clock, config, instances, routing, EventRecorder.NONE, revisions);
    }

    private static ServingControllers start(ResourceStore store, InstantSource clock, ServingControllerConfig config,
            RevisionInstances instances, RoutingSink routing, EventRecorder events, Consumer<Engine> revisions) {
        Engine engine = new Engine(store, clock, config.engine());
        ServiceController.register(engine, store, clock, events);
        ConfigurationController.register(engine, store, clock, events);
        RouteController.register(engine, store, clock, routing, config.routeUrls());
        DomainMappingController.register(engine, store, clock, routing, config.routeUrls());
        revisions.accept(engine);
        engine.start();
        return new ServingControllers(engine);
    }

    /** Waits until the controllers have nothing left to do; see {@link Engine#awaitIdle}. */
    public boolean awaitIdle(Duration timeout) {
        return engine.awaitIdle(timeout);
    }

    /** The engine, for tests that move a manual clock ({@link Engine#wake()}). */
    public Engine engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
    }
}
