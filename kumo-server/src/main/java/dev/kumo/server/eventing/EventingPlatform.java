package dev.kumo.server.eventing;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.controller.events.EventRecorder;
import dev.kumo.controller.events.EventRecorders;

import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.serving.RuntimeName;
import dev.kumo.controller.apiserversource.SourceAccess;
import dev.kumo.api.rbac.authorizer.RbacAuthorizer;
import dev.kumo.store.rbac.StoredRbacPolicy;
import dev.kumo.controller.engine.EngineOptions;
import dev.kumo.controller.engine.ReconcileTracing;
import dev.kumo.controller.eventing.EventingControllers;
import dev.kumo.controller.eventing.EventingDataPlane;
import dev.kumo.controller.manager.Component;
import dev.kumo.controller.manager.Components;
import dev.kumo.eventing.EventMesh;
import dev.kumo.eventing.api.MeshConfig;
import dev.kumo.eventing.api.DeliveryNotices;
import dev.kumo.eventing.api.MeshCounters;
import io.opentelemetry.api.OpenTelemetry;
import dev.kumo.eventing.source.ping.FileTickJournal;
import dev.kumo.eventing.source.ping.HttpEventSender;
import dev.kumo.eventing.source.ping.PingRunner;
import dev.kumo.http.ListenerLimits;
import dev.kumo.runtime.spi.WorkloadRuntime;
import dev.kumo.serving.RuntimeFactory;
import dev.kumo.store.ResourceStore;
import dev.kumo.server.metrics.ControllerMeters;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Eventing, assembled: the event mesh (its log in {@code DATA_DIR/events.db}, its ingress on the eventing address),
 * the sources' runners (PingSources, ApiServerSource watches, ContainerSource processes) and the controllers that feed them all. Closing stops
 * the controllers, then the runners, then the mesh.
 */
public final class EventingPlatform implements AutoCloseable {

    /** Sources send with this per-request timeout. */
    private static final int SEND_TIMEOUT_MILLIS = 10_000;
    /** A PingSource tick missed while the server was down is still fired when it is at most this old. */
    private static final Duration PING_CATCH_UP = Duration.ofMinutes(1);

    /**
     * Where Eventing keeps and serves things.
     *
     * @param dataDir the data directory: the event log is {@code events.db}, the PingSource journal
     *     {@code pingsources/}, the ContainerSources' process state {@code sources/}
     * @param host the brokers' ingress bind address
     * @param port the brokers' ingress port, 0 for any free one
     * @param apiServer the API server's URL, the {@code source} of ApiServerSource events
     * @param kinds the kinds the store serves, which ApiServerSources may watch
     * @param sourcesCrossNamespace whether ApiServerSources may read other namespaces than their own and
     *     cluster-scoped kinds when they name no serviceAccountName but default (config key
     *     {@code apiserversource-cross-namespace}); one that names one gets what its ServiceAccount's RBAC allows
     * @param openTelemetry what the mesh traces events with ({@link OpenTelemetry#noop()}: nothing)
     */
    public record Settings(Path dataDir, String host, int port, int maxInFlightPerTrigger, URI apiServer,
            List<ResourceType> kinds, boolean sourcesCrossNamespace, ListenerLimits limits,
            OpenTelemetry openTelemetry) {

        /** Settings tracing nothing. */
        public Settings(Path dataDir, String host, int port, int maxInFlightPerTrigger, URI apiServer,
                List<ResourceType> kinds, boolean sourcesCrossNamespace, ListenerLimits limits) {
            this(dataDir, host, port, maxInFlightPerTrigger, apiServer, kinds, sourcesCrossNamespace, limits,
                    OpenTelemetry.noop());
        }
    }

    /** Events a Trigger reads past its oldest unfinished one (the mesh's default). */
    private static final int READ_AHEAD_EVENTS = 10_000;

    private final Components components;
    private final EventMesh mesh;
    private final EventingControllers controllers;
    private final WorkloadRuntime sourceRuntime;

    private EventingPlatform(Components components, EventMesh mesh, EventingControllers controllers,
            WorkloadRuntime sourceRuntime) {
        this.sourceRuntime = sourceRuntime;
        this.components = components;
        this.mesh = mesh;
        this.controllers = controllers;
    }

    /**
     * Starts the mesh, its counters in {@code registry}, the sources' runners, then the controllers; if one cannot
     * start, those started are stopped.
     */
    public static EventingPlatform start(Vertx vertx, ResourceStore store, InstantSource clock, Settings settings,
            MeterRegistry registry, RuntimeFactory runtimes) {
        return start(vertx, store, clock, settings, registry, runtimes, EventRecorders.NONE);
    }

    /** As {@link #start}, failed deliveries and sources' problems recorded as Events through {@code recorders}. */
    public static EventingPlatform start(Vertx vertx, ResourceStore store, InstantSource clock, Settings settings,
            MeterRegistry registry, RuntimeFactory runtimes, EventRecorders recorders) {
        return start(vertx, store, clock, settings, registry, runtimes, recorders, ReconcileTracing.NONE);
    }

    /** The same, the controllers' reconciles traced by {@code reconcileTracing}. */
    public static EventingPlatform start(Vertx vertx, ResourceStore store, InstantSource clock, Settings settings,
            MeterRegistry registry, RuntimeFactory runtimes, EventRecorders recorders,
            ReconcileTracing reconcileTracing) {
        Components components = new Components();
        EventMesh mesh = components.open("event mesh", () -> EventMesh.start(vertx,
                MeshConfig.defaults(settings.dataDir().resolve("events.db")).withHost(settings.host())
                        .withPort(settings.port()).withInFlight(settings.maxInFlightPerTrigger(), READ_AHEAD_EVENTS)
                        .withLimits(settings.limits()).withOpenTelemetry(settings.openTelemetry()), clock));
        components.open("mesh meters", () -> MeshMeters.register(registry, mesh));
        components.run("delivery meters", () -> mesh.onDeliveryEnd(new DeliveryMeters(registry)));
        components.run("delivery events", () -> mesh.onDeliveryEnd(new DeliveryEvents(
                recorders.recorder("eventing-dispatcher"), new SubscriptionsByUid(store))));
        HttpEventSender sender = components.open("event sender",
                () -> new HttpEventSender(vertx, SEND_TIMEOUT_MILLIS));
        PingRunner pings = new PingRunner(sender, new FileTickJournal(settings.dataDir().resolve("pingsources")),
                clock, PING_CATCH_UP);
        EventRecorder pingEvents = recorders.recorder("pingsource-adapter");
        pings.onUndelivered((spec, tick, why) -> pingEvents.warning(EventRecorder.about(ResourceTypes.PING_SOURCE,
                spec.namespace(), spec.name()), "DeliveryFailed", "A tick was not delivered to " + spec.sink()
                + " after its retries: " + why));
        components.start("PingSource runner", Component.of(pings::start, pings::close));
        SourceAccess access = new SourceAccess(settings.sourcesCrossNamespace(), settings.kinds(),
                new RbacAuthorizer(new StoredRbacPolicy(store)));
        ApiServerSources apiServerSources = new ApiServerSources(store, settings.kinds(), sender,
                settings.apiServer(), clock.withZone(ZoneOffset.UTC), access,
                recorders.recorder("apiserversource-adapter"));
        components.start("ApiServerSource watches", Component.of(() -> { }, apiServerSources::close));
        WorkloadRuntime sourceRuntime = components.open("ContainerSource runtime",
                () -> runtimes.start(RuntimeName.PROCESS, settings.dataDir().resolve("sources")));
        EventingControllers controllers = components.open("eventing controllers",
                () -> EventingControllers.start(store, clock,
                        EngineOptions.DEFAULTS.withMetrics(new ControllerMeters(registry))
                                .withTracing(reconcileTracing),
                        new EventingDataPlane(new MeshBrokers(mesh, advertised(settings.host())),
                                new MeshTriggers(mesh), new PingSources(pings), apiServerSources,
                                new ContainerSources(sourceRuntime), new MeshChannels(mesh,
                                advertised(settings.host()))), access));
        return new EventingPlatform(components, mesh, controllers, sourceRuntime);
    }

    /** The runtime ContainerSources' instances run in (for the Pod view). */
    public WorkloadRuntime sourceRuntime() {
        return sourceRuntime;
    }

    /** The brokers' ingress port actually bound: Brokers answer at http://HOST:PORT/NAMESPACE/NAME. */
    public int port() {
        return mesh.port();
    }

    /** The mesh's counters since it started. */
    public MeshCounters counters() {
        return mesh.counters();
    }

    /** Registers a listener told of each delivery's end (delivered, dead-lettered, given up). */
    public void onDeliveryEnd(DeliveryNotices listener) {
        mesh.onDeliveryEnd(listener);
    }

    /** Waits until the controllers have nothing left to do. */
    public boolean awaitIdle(Duration timeout) {
        return controllers.awaitIdle(timeout);
    }

    @Override
    public void close() {
        components.stop();
    }

    /** The host put in URLs (Brokers, the API server): the bound one, or loopback for a wildcard bind (0.0.0.0, ::). */
    public static String advertised(String host) {
        try {
            return InetAddress.getByName(host).isAnyLocalAddress() ? "127.0.0.1" : host;
        } catch (UnknownHostException e) {
            return host;
        }
    }
}
