package dev.kumo.server.eventing;

import dev.kumo.controller.engine.EngineOptions;
import dev.kumo.controller.eventing.EventingControllers;
import dev.kumo.controller.eventing.EventingDataPlane;
import dev.kumo.eventing.EventMesh;
import dev.kumo.eventing.api.MeshConfig;
import dev.kumo.eventing.api.MeshCounters;
import dev.kumo.store.ResourceStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Eventing, assembled: the event mesh (its log in {@code DATA_DIR/events.db}, its ingress on the eventing address)
 * and the controllers that feed it Brokers and Triggers. Closing stops the controllers, then the mesh.
 */
public final class EventingPlatform implements AutoCloseable {

    private final EventMesh mesh;
    private final MeshMeters meters;
    private final EventingControllers controllers;

    private EventingPlatform(EventMesh mesh, MeshMeters meters, EventingControllers controllers) {
        this.mesh = mesh;
        this.meters = meters;
        this.controllers = controllers;
    }

    /**
     * Starts the mesh with its log under {@code dataDir} and its ingress on {@code host:port}, its counters in
     * {@code registry}, then the controllers.
     */
    public static EventingPlatform start(Vertx vertx, ResourceStore store, InstantSource clock, Path dataDir,
            String host, int port, MeterRegistry registry) {
        EventMesh mesh = EventMesh.start(vertx, MeshConfig.defaults(dataDir.resolve("events.db")).withHost(host)
                .withPort(port), clock);
        MeshMeters meters = MeshMeters.register(registry, mesh);
        try {
            EventingControllers controllers = EventingControllers.start(store, clock, EngineOptions.DEFAULTS,
                    new EventingDataPlane(new MeshBrokers(mesh, advertised(host)), new MeshTriggers(mesh)));
            return new EventingPlatform(mesh, meters, controllers);
        } catch (RuntimeException e) {
            meters.close();
            mesh.close();
            throw e;
        }
    }

    /** The brokers' ingress port actually bound: Brokers answer at http://HOST:PORT/NAMESPACE/NAME. */
    public int port() {
        return mesh.port();
    }

    /** The mesh's counters since it started. */
    public MeshCounters counters() {
        return mesh.counters();
    }

    /** Waits until the controllers have nothing left to do. */
    public boolean awaitIdle(Duration timeout) {
        return controllers.awaitIdle(timeout);
    }

    @Override
    public void close() {
        controllers.close();
        meters.close();
        mesh.close();
    }

    /** The host put in Broker URLs: the bound one, or loopback for a wildcard bind (0.0.0.0, ::). */
    static String advertised(String host) {
        try {
            return InetAddress.getByName(host).isAnyLocalAddress() ? "127.0.0.1" : host;
        } catch (UnknownHostException e) {
            return host;
        }
    }
}
