package dev.kumo.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.kinds.Kinds;
import dev.kumo.api.shipwright.ShipwrightTypes;
import dev.kumo.apiserver.AccessRules;
import dev.kumo.apiserver.ApiServer;
import dev.kumo.apiserver.ApiServerConfig;
import dev.kumo.apiserver.PodLogs;
import dev.kumo.apiserver.RequestTracing;
import dev.kumo.apiserver.RevisionLogs;
import dev.kumo.build.run.BuildControllers;
import dev.kumo.build.run.Strategies;
import dev.kumo.build.run.StrategyObjects;
import dev.kumo.controller.events.EventRetention;
import dev.kumo.controller.events.StoredEvents;
import dev.kumo.controller.manager.Components;
import dev.kumo.controller.engine.EngineOptions;
import dev.kumo.controller.engine.ReconcileTracing;
import dev.kumo.server.eventing.DeliveryCounts;
import dev.kumo.server.eventing.EventingPlatform;
import dev.kumo.server.eventing.ServiceDeliveries;
import dev.kumo.server.metrics.ApiServerMeters;
import dev.kumo.server.metrics.ControllerMeters;
import dev.kumo.server.metrics.DeletedObjectMeters;
import dev.kumo.server.metrics.ProcessMeters;
import dev.kumo.server.tracing.ApiSpans;
import dev.kumo.server.tracing.HandoffStore;
import dev.kumo.server.tracing.ReconcileSpans;
import dev.kumo.server.tracing.Telemetry;
import dev.kumo.server.tracing.TraceDocuments;
import dev.kumo.server.tracing.WriteHandoff;
import dev.kumo.serving.ServingActivity;
import dev.kumo.serving.ServingPlatform;
import dev.kumo.serving.pods.InstancePodLogs;
import dev.kumo.serving.pods.PodView;
import dev.kumo.serving.usage.UsageDatabase;
import dev.kumo.serving.usage.UsageRecorder;
import dev.kumo.serving.warmup.StartupWarmup;
import dev.kumo.serving.warmup.WarmupSettings;
import dev.kumo.store.AdmittingStore;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import dev.kumo.store.SqliteOptions;
import dev.kumo.store.SqliteStore;
import dev.kumo.store.StoreOptions;
import dev.kumo.store.rbac.RbacDefaults;
import dev.kumo.controller.rbac.RbacControllers;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/** The running platform: data directory, store and API server, started and stopped together. */
public final class KumoServer implements AutoCloseable {

    /** The unix socket in the data directory on which the API answers too (without TLS, token still required). */
    public static final String API_SOCKET = "api.sock";

    /** Watchers may fall up to this many events behind (a watch from scratch replays every object first). */
    private static final StoreOptions STORE_OPTIONS = StoreOptions.DEFAULTS.withWatchQueueEvents(100_000);

    private final Components components;
    private final ResourceStore store;
    private final ApiServer api;
    private final Optional<ServingPlatform> serving;
    private final Optional<EventingPlatform> eventing;
    private final Optional<String> token;
    private final Optional<ServerCertificate> certificate;
    private final PrometheusMeterRegistry meters;
    private final URI apiUrl;
    private final Telemetry telemetry;
    private final ServerConfig config;
    private final ApiWrites apiWrites;
    private volatile Optional<StartupWarmup> warmup = Optional.empty();

    private KumoServer(Components components, ResourceStore store, ApiServer api, Optional<ServingPlatform> serving,
            Optional<EventingPlatform> eventing, Optional<String> token, Optional<ServerCertificate> certificate,
            PrometheusMeterRegistry meters, URI apiUrl, Telemetry telemetry, ServerConfig config, ApiWrites apiWrites) {
        this.apiWrites = apiWrites;
        this.telemetry = telemetry;
        this.config = config;
        this.components = components;
        this.store = store;
        this.api = api;
        this.serving = serving;
        this.eventing = eventing;
        this.token = token;
        this.certificate = certificate;
        this.meters = meters;
        this.apiUrl = apiUrl;
    }

    /**
     * Starts everything, in order — data directory, meters, store, Vert.x, Serving, Builds, the API server, Eventing —; on
     * failure whatever was started is stopped again, in reverse. The token is required unless the config
     * turns it off ({@code --insecure-no-auth}) for an API on loopback; whenever it is required the API is served
     * over HTTPS with the data directory's self-signed certificate: kubectl sends a bearer token only over TLS
     * (kubernetes/kubectl#744). Requests naming another {@code Host} than loopback, the certificate's names or the
     * domain, or carrying an {@code Origin} not allowed, are refused.
     */
    public static KumoServer start(ServerConfig config) {
        Components components = new Components();
        DataDirectory dataDir = components.open("data directory", () -> DataDirectory.open(config.dataDir()));
        PrometheusMeterRegistry meters = components.open("meters",
                () -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), PrometheusMeterRegistry::close);
        DeletedObjectMeters deletedMeters = DeletedObjectMeters.refusingIn(meters);
        components.open("JVM and process meters", () -> ProcessMeters.bind(meters), ProcessMeters::close);
        Telemetry telemetry = components.open("tracing", () -> Telemetry.start(config.tracing()), Telemetry::close);
        // A traced write hands its span to the reconcile it causes; reconciles nothing traced caused make no span.
        WriteHandoff handoff = new WriteHandoff();
        EngineOptions engineOptions = EngineOptions.DEFAULTS.withMetrics(new ControllerMeters(meters))
                .withTracing(telemetry.on() ? new ReconcileSpans(telemetry.openTelemetry(), handoff)
                        : ReconcileTracing.NONE);
        components.run("database permissions", () -> {
            if (config.store().equals("sqlite")) {
                dataDir.ownerOnlyDatabase(SqliteStore.DATABASE_FILE);
            }
            if (config.eventing().on()) {
                dataDir.ownerOnlyDatabase("events.db");
            }
        });
        ResourceStore store = components.open("store", () -> config.store().equals("memory")
                ? InMemoryStore.create(STORE_OPTIONS)
                : SqliteStore.open(dataDir.path(), new SqliteOptions(config.durableSync()
                        ? SqliteOptions.Synchronous.FULL : SqliteOptions.Synchronous.NORMAL, STORE_OPTIONS)));
        components.run("default namespace", () -> ensureNamespace(store, "default"));
        components.run("default cluster roles", () -> RbacDefaults.ensure(store));
        components.open("meters of deleted objects", () -> deletedMeters.watching(store),
                DeletedObjectMeters::close);
        Kinds kinds = KumoKinds.all(config.autoscaler(), config.eventing().defaultChannel());
        // Controllers and platforms write through the kinds' admission, as API clients do.
        ResourceStore traced = telemetry.on() ? new HandoffStore(store, handoff) : store;
        ResourceStore admitted = new AdmittingStore(traced, kinds);
        components.open("RBAC controllers", () -> RbacControllers.start(admitted, InstantSource.system(),
                        engineOptions),
                RbacControllers::close);
        StoredEvents events = components.start("events", new StoredEvents(admitted, InstantSource.system(),
                EventRetention.DEFAULTS, StoredEvents.Timing.DEFAULTS));
        boolean needToken = config.requireToken() || !config.apiAddress().isLoopback();
        Optional<String> token = components.value("token",
                () -> needToken ? Optional.of(dataDir.token()) : Optional.empty());
        Optional<ServerCertificate> certificate = components.value("certificate", () -> needToken
                ? Optional.of(ServerCertificate.ensure(dataDir.path(), config.apiAddress().host()))
                : Optional.empty());
        Vertx vertx = components.open("Vert.x", () -> Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2)
                .setWorkerPoolSize(4).setPreferNativeTransport(true)), KumoServer::closeVertx);
        Optional<ServingPlatform> serving = config.serving()
                ? Optional.of(components.open("serving", () -> ServingPlatform.start(vertx, admitted,
                        InstantSource.system(), new ServingPlatform.Settings(dataDir.path().resolve("instances"),
                                config.ingressAddress().host(), config.ingressAddress().port(), config.domain(),
                                config.progressDeadline(), config.autoscaler(), config.limits(),
                                config.runtimes(), config.registriesSkippingTagResolving(),
                                telemetry.openTelemetry(), config.routerEngine(),
                                config.routerTransport()), meters,
                        WorkloadRuntimes.of(config), events, engineOptions.metrics(), engineOptions.tracing())))
                : Optional.empty();
        // usage.db is created mode 600; SQLite gives its -wal and -shm files the database's mode.
        Optional<UsageRecorder> usage = serving.map(platform -> components.open("usage", () -> platform.startUsage(
                dataDir.path().resolve(UsageDatabase.FILE), admitted, meters, InstantSource.system())));
        Path buildDir = dataDir.path().resolve("builds");
        Strategies strategies = BuildStrategies.of(config.podmanSocket(), buildDir);
        // The built-in strategies as ClusterBuildStrategies (a kind clients may only read): straight to the store.
        StrategyObjects.publish(store, strategies);
        BuildControllers builds = components.open("builds", () -> BuildControllers.start(admitted,
                InstantSource.system(), strategies, buildDir, BuildControllers.DEFAULT_SLOTS, engineOptions));
        Set<String> hosts = new HashSet<>(certificate.map(ServerCertificate::hostNames).orElse(Set.of()));
        hosts.add(config.domain());
        ApiServerConfig apiConfig = new ApiServerConfig(config.apiAddress().host(), config.apiAddress().port(),
                ApiServerConfig.DEFAULT_MAX_BODY_BYTES, token, certificate.map(ServerCertificate::keystore))
                .withMetrics(meters::scrape).withAccess(new AccessRules(hosts, config.allowedOrigins()))
                .withLimits(config.limits()).withLogs(ShipwrightTypes.BUILD_RUN, new BuildRunLogs(builds));
        if (serving.isPresent()) {
            apiConfig = apiConfig.withAutoscaling(serving.get().autoscalingView());
        }
        if (usage.isPresent()) {
            apiConfig = apiConfig.withUsage(usage.get().view());
        }
        Optional<ServingActivity> activity = serving.map(platform -> components.open("serving activity",
                () -> platform.startActivity(InstantSource.system())));
        if (activity.isPresent()) {
            apiConfig = apiConfig.withActivity(activity.get()::document);
        }
        if (telemetry.recent().isPresent()) {
            apiConfig = apiConfig.withTraces(new TraceDocuments(telemetry.recent().get()));
        }
        DeliveryCounts deliveryCounts = new DeliveryCounts();
        deletedMeters.onDeleted(deliveryCounts::deleted);
        if (config.eventing().on()) {
            apiConfig = apiConfig.withDeliveries(deliveryCounts);
        }
        ApiServerConfig apiSettings = apiConfig;
        // Written to the store itself: Pods are the server's view of its instances, refused to clients' writes.
        Optional<PodView> pods = serving.map(platform -> components.open("pod view",
                () -> platform.startPodView(store, InstantSource.system())));
        // Its meters, and when a write was last answered: the start-up warm-up yields to what writes set off.
        ApiWrites apiWrites = new ApiWrites(new ApiServerMeters(meters));
        ApiServer api = components.open("API server", () -> ApiServer.start(vertx, apiSettings,
                kinds, traced, InstantSource.system(),
                serving.map(ServingPlatform::revisionLogs).orElse(RevisionLogs.NONE),
                pods.<PodLogs>map(InstancePodLogs::new).orElse(PodLogs.NONE), apiWrites,
                telemetry.on() ? new ApiSpans(telemetry.openTelemetry()) : RequestTracing.NONE));
        components.run("API socket", () -> serveOnSocket(api, dataDir.path().resolve(API_SOCKET)));
        URI apiUrl = URI.create((certificate.isPresent() ? "https" : "http") + "://"
                + EventingPlatform.advertised(config.apiAddress().host()) + ":" + api.port());
        components.run("API URL file", () -> dataDir.writeApiUrl(apiUrl.toString()));
        Optional<EventingPlatform> eventing = config.eventing().on()
                ? Optional.of(components.open("eventing", () -> EventingPlatform.start(vertx, admitted,
                        InstantSource.system(), new EventingPlatform.Settings(dataDir.path(),
                                config.eventing().address().host(), config.eventing().address().port(),
                                config.eventing().maxInFlightPerTrigger(), apiUrl, kinds.types(),
                                config.eventing().sourcesCrossNamespace(), config.limits(),
                                telemetry.openTelemetry()), meters,
                        WorkloadRuntimes.of(config), events, engineOptions.tracing())))
                : Optional.empty();
        if (eventing.isPresent() && pods.isPresent()) {
            components.run("ContainerSource Pods", () -> pods.get().show("source", eventing.get().sourceRuntime()));
        }
        eventing.ifPresent(platform -> components.run("delivery counts", () -> platform.onDeliveryEnd(
                deliveryCounts)));
        if (eventing.isPresent() && usage.isPresent()) {
            ServiceDeliveries deliveries = new ServiceDeliveries(store);
            components.run("usage of deliveries", () -> {
                eventing.get().onDeliveryEnd(deliveries);
                usage.get().beforeFlush(() -> deliveries.drainTo(usage.get()::delivered));
            });
        }
        return new KumoServer(components, store, api, serving, eventing, token, certificate, meters, apiUrl,
                telemetry, config, apiWrites);
    }

    /** The ingress router's port: Services answer at http://NAME.NAMESPACE.localhost:PORT. */
    public int ingressPort() {
        return serving.orElseThrow(() -> new IllegalStateException("Serving is off (--no-serving)")).ingressPort();
    }

    /** Whether Serving runs (controllers, runtime, router). */
    public boolean serving() {
        return serving.isPresent();
    }

    /** Whether Eventing runs (the event mesh and its controllers). */
    public boolean eventing() {
        return eventing.isPresent();
    }

    /** The brokers' ingress port: Brokers answer at http://HOST:PORT/NAMESPACE/NAME. */
    public int eventingPort() {
        return eventingPlatform().port();
    }

    /** The running Eventing, for tests and benchmarks that read its counters. */
    public EventingPlatform eventingPlatform() {
        return eventing.orElseThrow(() -> new IllegalStateException("Eventing is off (--no-eventing)"));
    }

    public int apiPort() {
        return api.port();
    }

    /** The URL clients reach the API at ({@code https://127.0.0.1:PORT} by default; loopback for a wildcard bind). */
    public URI apiUrl() {
        return apiUrl;
    }

    /** {@code https} when the API serves TLS (whenever the token is required), else {@code http}. */
    public String apiScheme() {
        return certificate.isPresent() ? "https" : "http";
    }

    /** The PEM certificate clients trust, when the API serves TLS. */
    public Optional<Path> caCertificate() {
        return certificate.map(ServerCertificate::caCertificate);
    }

    /** Whether this start created the certificate (clients holding an older one must fetch it again). */
    public boolean certificateCreated() {
        return certificate.map(ServerCertificate::created).orElse(false);
    }

    public ResourceStore store() {
        return store;
    }

    /** The one registry every component's meters go to; the API server serves it at {@code /metrics}. */
    public PrometheusMeterRegistry meters() {
        return meters;
    }

    /** The server's tracing: its OpenTelemetry and the recent traces it keeps. */
    public Telemetry telemetry() {
        return telemetry;
    }

    public Optional<String> token() {
        return token;
    }

    /**
     * Starts the start-up warm-up in the background (with Serving only; empty without): synthetic cold starts
     * through private copies of the router and the autoscaler, so that users' first cold starts run compiled code
     * ({@code kumo server --warmup=false} turns it off); it yields to requests at the ingress and writes to the API.
     * Closing the server stops it first.
     */
    public synchronized Optional<StartupWarmup> startWarmup(WarmupSettings settings) {
        if (warmup.isEmpty()) {
            warmup = serving.map(platform -> {
                // Traced as the ingress is, into traces of its own that nobody reads or exports.
                Telemetry unseen = Telemetry.unseen(config.tracing());
                StartupWarmup running = platform.startWarmup(settings, unseen.openTelemetry(),
                        apiWrites::lastWriteNanos);
                running.finished().whenComplete((report, failure) -> unseen.close());
                return running;
            });
        }
        return warmup;
    }

    /** Stops everything, in the reverse order of starting. */
    @Override
    public void close() {
        warmup.ifPresent(StartupWarmup::close);
        components.stop();
    }

    /**
     * The API on {@code DATA_DIR/api.sock} too, for this machine's CLI (no TLS set-up); without it (no epoll, a path
     * too long for a unix socket) the CLI uses the TCP listener, so a failure here is a warning only.
     */
    private static void serveOnSocket(ApiServer api, Path socket) {
        try {
            api.serveOnSocket(socket);
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(KumoServer.class).warn("not serving the API on {}: {}", socket, e.getMessage());
        }
    }

    /** Closes Vert.x, waiting up to 10 seconds for it. */
    private static void closeVertx(Vertx vertx) {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
    }

    private static void ensureNamespace(ResourceStore store, String name) {
        if (store.get(ResourceTypes.NAMESPACE, "", name).isPresent()) {
            return;
        }
        ObjectNode namespace = Json.object().put("apiVersion", "v1").put("kind", "Namespace");
        namespace.putObject("metadata").put("name", name);
        try {
            store.create(ResourceTypes.NAMESPACE, namespace);
        } catch (ApiException e) {
            if (e.code() != 409) {
                throw e;
            }
        }
    }
}
