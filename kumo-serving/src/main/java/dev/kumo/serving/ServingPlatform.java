package dev.kumo.serving;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.serving.RuntimeName;
import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import dev.kumo.api.serving.autoscaling.ConfigAutoscaler;
import dev.kumo.apiserver.RevisionAutoscalingView;
import dev.kumo.apiserver.RevisionLogs;
import dev.kumo.controller.events.EventRecorders;
import dev.kumo.controller.manager.Component;
import dev.kumo.controller.manager.Components;
import dev.kumo.controller.route.RouteUrls;
import dev.kumo.controller.serving.ServingControllerConfig;
import dev.kumo.controller.serving.ServingControllers;
import dev.kumo.dataplane.api.InMemoryEndpoints;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.Router;
import dev.kumo.dataplane.api.RouterConfig;
import dev.kumo.dataplane.api.RouterEngine;
import dev.kumo.dataplane.api.RouterTransport;
import dev.kumo.dataplane.api.ScalingSignals;
import dev.kumo.dataplane.router.RouterServer;
import dev.kumo.http.ListenerLimits;
import dev.kumo.runtime.spi.WorkloadRuntime;
import dev.kumo.serving.deployments.DeploymentControllers;
import dev.kumo.serving.images.ImageDigests;
import dev.kumo.serving.pods.PodView;
import dev.kumo.serving.scaling.RevisionScaling;
import dev.kumo.serving.services.ServiceAddresses;
import dev.kumo.serving.usage.UsageRecorder;
import dev.kumo.serving.warmup.StartupWarmup;
import dev.kumo.serving.warmup.WarmupSettings;
import dev.kumo.store.ResourceStore;
import dev.kumo.controller.engine.EngineMetrics;
import dev.kumo.controller.engine.ReconcileTracing;
import dev.kumo.dataplane.api.RevisionOwners;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Set;

/**
 * Serving, assembled: the runtimes that are on run Revisions, the router serves Routes on the ingress address, and the
 * controllers turn Services into both. Closing stops the controllers, then the autoscaler, the router and every
 * instance: the reverse of starting.
 */
public final class ServingPlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServingPlatform.class);

    private final Components components;
    private final Runtimes runtime;
    private final Router router;
    private final RevisionScaling scaling;
    private final RuntimeEndpoints runtimeEndpoints;
    private final InstanceDrain drain;
    private final ScalingSignals signals;
    private final RouterConfig routerConfig;
    private final AutoscalerConfig autoscaler;

    private ServingPlatform(Components components, Runtimes runtime, Router router, RevisionScaling scaling,
            RuntimeEndpoints runtimeEndpoints, InstanceDrain drain, ScalingSignals signals,
            RouterConfig routerConfig, AutoscalerConfig autoscaler) {
        this.routerConfig = routerConfig;
        this.autoscaler = autoscaler;
        this.drain = drain;
        this.signals = signals;
        this.components = components;
        this.runtime = runtime;
        this.router = router;
        this.scaling = scaling;
        this.runtimeEndpoints = runtimeEndpoints;
    }

    /**
     * What Serving runs with.
     *
     * @param stateDir where instance records, temp directories and JVM AOT caches live (the process runtime's; each
     *     other runtime's in a directory named after it, {@code container/})
     * @param ingressHost the router's host
     * @param ingressPort the router's port (0: any free one)
     * @param domain the domain of Route URLs
     * @param progressDeadline the deadline for Revisions that do not set their own
     * @param autoscaler the autoscaler's defaults and tick
     * @param runtimes the runtimes that are on and the default one, which {@link RuntimeChoice} chooses among
     * @param registriesSkippingTagResolving registries whose image tags are run as written, not resolved to digests
     * @param openTelemetry what the router traces requests with ({@link OpenTelemetry#noop()}: nothing)
     * @param routerEngine what serves the ingress port ({@link RouterEngine})
     * @param routerTransport what the Netty front's own event loops run on ({@link RouterTransport})
     */
    public record Settings(Path stateDir, String ingressHost, int ingressPort, String domain,
            Duration progressDeadline, AutoscalerConfig autoscaler, ListenerLimits limits, RuntimeSettings runtimes,
            Set<String> registriesSkippingTagResolving, OpenTelemetry openTelemetry, RouterEngine routerEngine,
            RouterTransport routerTransport) {

        /** Settings whose Netty front runs on the default transport ({@link RouterTransport#DEFAULT}). */
        public Settings(Path stateDir, String ingressHost, int ingressPort, String domain, Duration progressDeadline,
                AutoscalerConfig autoscaler, ListenerLimits limits, RuntimeSettings runtimes,
                Set<String> registriesSkippingTagResolving, OpenTelemetry openTelemetry, RouterEngine routerEngine) {
            this(stateDir, ingressHost, ingressPort, domain, progressDeadline, autoscaler, limits, runtimes,
                    registriesSkippingTagResolving, openTelemetry, routerEngine, RouterTransport.DEFAULT);
        }

        /** Settings whose router runs on the default engine ({@link RouterEngine#DEFAULT}). */
        public Settings(Path stateDir, String ingressHost, int ingressPort, String domain, Duration progressDeadline,
                AutoscalerConfig autoscaler, ListenerLimits limits, RuntimeSettings runtimes,
                Set<String> registriesSkippingTagResolving, OpenTelemetry openTelemetry) {
            this(stateDir, ingressHost, ingressPort, domain, progressDeadline, autoscaler, limits, runtimes,
                    registriesSkippingTagResolving, openTelemetry, RouterEngine.DEFAULT);
        }

        /** Settings tracing nothing. */
        public Settings(Path stateDir, String ingressHost, int ingressPort, String domain, Duration progressDeadline,
                AutoscalerConfig autoscaler, ListenerLimits limits, RuntimeSettings runtimes,
                Set<String> registriesSkippingTagResolving) {
            this(stateDir, ingressHost, ingressPort, domain, progressDeadline, autoscaler, limits, runtimes,
                    registriesSkippingTagResolving, OpenTelemetry.noop());
        }

        /** Settings skipping Knative's default registries ({@link ImageDigests#KNATIVE_SKIPPED_REGISTRIES}). */
        public Settings(Path stateDir, String ingressHost, int ingressPort, String domain, Duration progressDeadline,
                AutoscalerConfig autoscaler, ListenerLimits limits, RuntimeSettings runtimes) {
            this(stateDir, ingressHost, ingressPort, domain, progressDeadline, autoscaler, limits, runtimes,
                    ImageDigests.KNATIVE_SKIPPED_REGISTRIES);
        }

        /** Settings with the runtimes on by default ({@link RuntimeSettings#DEFAULTS}). */
        public Settings(Path stateDir, String ingressHost, int ingressPort, String domain, Duration progressDeadline,
                AutoscalerConfig autoscaler, ListenerLimits limits) {
            this(stateDir, ingressHost, ingressPort, domain, progressDeadline, autoscaler, limits,
                    RuntimeSettings.DEFAULTS);
        }
    }

    /**
     * Starts serving with {@code settings}, in order: the runtimes that are on, endpoint tracking, the router, the
     * autoscaler, the controllers; if one cannot start, those started are stopped. A runtime other than the default
     * that cannot start leaves the server running without it: Revisions that need it say why. The router's
     * per-revision meters go to {@code registry}.
     */
    public static ServingPlatform start(Vertx vertx, ResourceStore store, InstantSource clock, Settings settings,
            MeterRegistry registry, RuntimeFactory runtimes) {
        return start(vertx, store, clock, settings, registry, runtimes, EventRecorders.NONE);
    }

    /**
     * As {@link #start(Vertx, ResourceStore, InstantSource, Settings, MeterRegistry, RuntimeFactory)}, recording
     * what happens to Services, Revisions and their instances as Events through {@code events}.
     */
    public static ServingPlatform start(Vertx vertx, ResourceStore store, InstantSource clock, Settings settings,
            MeterRegistry registry, RuntimeFactory runtimes, EventRecorders events) {
        return start(vertx, store, clock, settings, registry, runtimes, events, EngineMetrics.NONE);
    }

    /** The same, the controllers' queues and reconciles told to {@code engineMetrics}. */
    public static ServingPlatform start(Vertx vertx, ResourceStore store, InstantSource clock, Settings settings,
            MeterRegistry registry, RuntimeFactory runtimes, EventRecorders events, EngineMetrics engineMetrics) {
        return start(vertx, store, clock, settings, registry, runtimes, events, engineMetrics, ReconcileTracing.NONE);
    }

    /** The same, the controllers' reconciles traced by {@code reconcileTracing}. */
    public static ServingPlatform start(Vertx vertx, ResourceStore store, InstantSource clock, Settings settings,
            MeterRegistry registry, RuntimeFactory runtimes, EventRecorders events, EngineMetrics engineMetrics,
            ReconcileTracing reconcileTracing) {
        Path stateDir = settings.stateDir();
        AutoscalerConfig autoscaler = settings.autoscaler();
        Components components = new Components();
        Runtimes runtime = startRuntimes(components, settings.runtimes(), runtimes, stateDir);
        InMemoryEndpoints endpoints = new InMemoryEndpoints();
        // Created first and handed to both, so that neither the router nor the autoscaler holds the other.
        ScalingSignals signals = new ScalingSignals();
        RevisionOwners owners = new StoredRevisionOwners(store);
        RouterConfig routerConfig = new RouterConfig(settings.ingressHost(), settings.ingressPort())
                .withLimits(settings.limits()).withH2c(true).withOpenTelemetry(settings.openTelemetry())
                .withEngine(settings.routerEngine()).withTransport(settings.routerTransport());
        RouterServer router = new RouterServer(vertx, routerConfig, endpoints, registry, signals, owners);
        InstanceDrain drain = new InstanceDrain(runtime, router::inFlight);
        // Watching before the endpoints do: an instance's start is known before the router can send it a request.
        ColdStartMeters coldStarts = new ColdStartMeters(registry, owners);
        components.run("cold start meters", () -> runtime.watch(coldStarts));
        RuntimeEndpoints runtimeEndpoints = new RuntimeEndpoints(runtime, endpoints, drain::draining);
        drain.onDraining(runtimeEndpoints::refresh);
        components.open("endpoint tracking", runtimeEndpoints::track);
        // After the endpoints: the meters' timer for a Ready instance is no longer on its way to the router.
        components.run("cold start meters' record", () -> runtime.watch(coldStarts.recorder()));
        // After the endpoints: recording an Event never comes before the router learns an instance is ready.
        components.run("instance events", () -> runtime.watch(new InstanceEvents(events.recorder("kubelet"))));
        components.start("router", Component.of(router::start, router::close));
        RouterRouting routing = new RouterRouting(router);
        RevisionScaling scaling = new RevisionScaling(autoscaler, runtimeEndpoints::ready,
                routing::reachable, clock, autoscaler.get(ConfigAutoscaler.TICK_INTERVAL), signals);
        signals.onColdStart(coldStarts);
        scaling.onLifecycle(coldStarts);
        ScaleGauges.register(registry, scaling, runtimeEndpoints::ready, owners);
        ScalingEvents scalingEvents = new ScalingEvents(events.recorder("autoscaler"), scaling::lastDesired);
        scaling.onChange(scalingEvents::changed);
        components.start("autoscaler", Component.of(scaling::start, scaling::close));
        WorkloadSpecs specs = WorkloadSpecs.reading(store::get);
        components.open("volume watch", () -> VolumeWatch.start(store, runtime, new VolumeSources(store::get)));
        RuntimeChoice choice = new RuntimeChoice(settings.runtimes());
        // Only what a running container runtime runs needs its image: a process, or a Revision whose runtime is not
        // on or could not start (its status says why), keeps its tag.
        ImageDigests images = components.open("image digests", () -> new ImageDigests(
                settings.registriesSkippingTagResolving(), revision -> choice.of(revision)
                        instanceof RuntimeChoice.Choice.Run run && run.runtime() == RuntimeName.CONTAINER
                        && runtime.unavailable(RuntimeName.CONTAINER).isEmpty(),
                (namespace, name) -> store.get(ResourceTypes.SECRET, namespace, name)));
        components.open("deployment controller", () -> DeploymentControllers.start(store, clock,
                new DeploymentRunner(runtime, choice, specs)));
        components.open("service addresses", () -> ServiceAddresses.start(store, clock,
                events.recorder("endpoint-controller")));
        components.open("serving controllers", () -> ServingControllers.start(store, clock,
                ServingControllerConfig.DEFAULTS.withRouteUrls(new RouteUrls(settings.domain(), router.port()))
                        .withProgressDeadline(settings.progressDeadline())
                        .withEngine(ServingControllerConfig.DEFAULTS.engine().withMetrics(engineMetrics)
                                .withTracing(reconcileTracing)),
                new RuntimeInstances(runtime, choice,
                        specs, scaling, drain, new JvmAotCache(stateDir.resolve("jvm-aot"),
                        new JavaAotSupport(), id -> runtime.instance(id).isPresent()), clock), routing, images,
                events.recorder("controller")));
        return new ServingPlatform(components, runtime, router, scaling, runtimeEndpoints, drain, signals,
                routerConfig, autoscaler);
    }

    /**
     * Starts every runtime that is on, each with its own state directory; the default runtime must start, another
     * that cannot (podman missing) is recorded as unavailable with the reason, logged once.
     */
    private static Runtimes startRuntimes(Components components, RuntimeSettings settings, RuntimeFactory factory,
            Path stateDir) {
        Map<RuntimeName, WorkloadRuntime> running = new EnumMap<>(RuntimeName.class);
        Map<RuntimeName, String> unavailable = new EnumMap<>(RuntimeName.class);
        for (RuntimeName name : new TreeSet<>(settings.on())) {
            Path dir = name == RuntimeName.PROCESS ? stateDir : stateDir.resolve(name.value());
            if (name == settings.defaultRuntime()) {
                running.put(name, components.open(name + " runtime", () -> factory.start(name, dir)));
                continue;
            }
            try {
                WorkloadRuntime started = factory.start(name, dir);
                running.put(name, components.open(name + " runtime", () -> started));
            } catch (RuntimeException e) {
                String reason = "the " + name + " runtime is on but could not start: " + e.getMessage();
                LOG.warn("{}; Revisions that need it are not Ready until it can start (restart kumo server)", reason);
                unavailable.put(name, reason);
            }
        }
        return new Runtimes(running, unavailable, settings.defaultRuntime());
    }

    /** The output of each Revision's instances, for the API server's {@code revisions/NAME/log}. */
    public RevisionLogs revisionLogs() {
        return new RuntimeLogs(runtime);
    }

    /**
     * Starts showing every instance as a {@code v1} Pod in {@code store}, which must not admit (clients may not write
     * Pods, the view does); a deleted Pod's instance is drained (with its Revision's timeout, as on scale-in) and
     * stopped, and its Revision starts another.
     */
    public PodView startPodView(ResourceStore store, InstantSource clock) {
        return PodView.start(runtime, store, instance -> drain.drainWithRevisionGrace(instance, store), clock);
    }

    /**
     * Starts metering every Revision's requests, instances and cold starts into the ledger at {@code database}
     * (Revisions read from {@code store}, counters in {@code registry}); closing it stores what is not stored yet.
     */
    public UsageRecorder startUsage(Path database, ResourceStore store, MeterRegistry registry, InstantSource clock) {
        return UsageRecorder.start(database, store, runtime, signals, registry, clock, UsageRecorder.Timing.DEFAULTS);
    }

    /**
     * Starts keeping each Revision's requests per second and cold starts (with their split) of the last minutes, for
     * {@code GET /apis/serving.kumo.dev/v1alpha1/…activity} (the dashboard's rates).
     */
    public ServingActivity startActivity(InstantSource clock) {
        return ServingActivity.start(runtime, signals, scaling, clock);
    }

    /** What the autoscaler wants for each Revision and its last decisions, for {@code revisions/NAME/autoscaling}. */
    public RevisionAutoscalingView autoscalingView() {
        return (namespace, name) -> {
            RevisionId revision = new RevisionId(namespace, name);
            return scaling.lastDecision(revision).map(last -> new RevisionAutoscalingView.State(
                    last.desiredScale(), runtimeEndpoints.ready(revision), last.panicking(), last.activatorInPath(),
                    last.excessBurstCapacity(), scaling.history(revision).stream()
                            .map(d -> new RevisionAutoscalingView.Decision(d.at(), d.desiredScale(),
                                    d.excessBurstCapacity(), d.panicking(), d.activatorInPath(), d.reason()))
                            .toList()));
        };
    }

    /**
     * Starts the start-up warm-up in the background: synthetic cold starts through a private copy of the router
     * (this one's engine and config; its own Vert.x, port, meters and routes) and of the autoscaler, never stored or
     * shown; it yields to user traffic at this ingress and to the user activity {@code lastUserActivity} tells (the
     * {@link System#nanoTime} of the latest); its requests are traced with {@code tracing}, which must record
     * nowhere a user looks. Close it before closing this platform.
     */
    public StartupWarmup startWarmup(WarmupSettings warmup, OpenTelemetry tracing, LongSupplier lastUserActivity) {
        return StartupWarmup.start(routerConfig.withOpenTelemetry(tracing), autoscaler, signals, lastUserActivity,
                warmup);
    }

    /** The ingress port actually bound. */
    public int ingressPort() {
        return router.port();
    }

    @Override
    public void close() {
        components.stop();
    }
}
