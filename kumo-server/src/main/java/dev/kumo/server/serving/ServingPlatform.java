package dev.kumo.server.serving;

import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import dev.kumo.api.serving.autoscaling.ConfigAutoscaler;
import dev.kumo.apiserver.RevisionAutoscalingView;
import dev.kumo.apiserver.RevisionLogs;
import dev.kumo.controller.route.RouteUrls;
import dev.kumo.controller.serving.ServingControllerConfig;
import dev.kumo.controller.serving.ServingControllers;
import dev.kumo.dataplane.api.InMemoryEndpoints;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.Router;
import dev.kumo.dataplane.api.RouterConfig;
import dev.kumo.http.ListenerLimits;
import dev.kumo.runtime.process.ProcessRuntime;
import dev.kumo.runtime.process.ProcessRuntimeConfig;
import dev.kumo.runtime.spi.Subscription;
import dev.kumo.server.serving.scaling.RevisionScaling;
import dev.kumo.store.ResourceStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Serving, assembled: the process runtime runs Revisions, the router serves Routes on the ingress address, and the
 * controllers turn Services into both. Closing stops the controllers, then the router, then every instance.
 */
public final class ServingPlatform implements AutoCloseable {

    private final ProcessRuntime runtime;
    private final Subscription endpointTracking;
    private final Router router;
    private final ServingControllers controllers;
    private final RevisionScaling scaling;
    private final RuntimeEndpoints runtimeEndpoints;

    private ServingPlatform(ProcessRuntime runtime, Subscription endpointTracking, Router router,
            ServingControllers controllers, RevisionScaling scaling, RuntimeEndpoints runtimeEndpoints) {
        this.scaling = scaling;
        this.runtimeEndpoints = runtimeEndpoints;
        this.runtime = runtime;
        this.endpointTracking = endpointTracking;
        this.router = router;
        this.controllers = controllers;
    }

    /**
     * What Serving runs with.
     *
     * @param stateDir where instance records, temp directories and JVM AOT caches live
     * @param ingressHost the router's host
     * @param ingressPort the router's port (0: any free one)
     * @param domain the domain of Route URLs
     * @param progressDeadline the deadline for Revisions that do not set their own
     * @param autoscaler the autoscaler's defaults and tick
     */
    public record Settings(Path stateDir, String ingressHost, int ingressPort, String domain,
            Duration progressDeadline, AutoscalerConfig autoscaler, ListenerLimits limits) {
    }

    /** Starts serving with {@code settings}; the router's per-revision meters go to {@code registry}. */
    public static ServingPlatform start(Vertx vertx, ResourceStore store, InstantSource clock, Settings settings,
            MeterRegistry registry) {
        Path stateDir = settings.stateDir();
        String ingressHost = settings.ingressHost();
        int ingressPort = settings.ingressPort();
        String domain = settings.domain();
        Duration progressDeadline = settings.progressDeadline();
        AutoscalerConfig autoscaler = settings.autoscaler();
        ProcessRuntime runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir));
        InMemoryEndpoints endpoints = new InMemoryEndpoints();
        AtomicReference<Router> routerRef = new AtomicReference<>();
        InstanceDrain drain = new InstanceDrain(runtime, (revision, address) -> routerRef.get().inFlight(revision,
                address));
        // Watching before the endpoints do: an instance's start is known before the router can send it a request.
        ColdStartMeters coldStarts = new ColdStartMeters(registry);
        runtime.watch(coldStarts);
        RuntimeEndpoints runtimeEndpoints = new RuntimeEndpoints(runtime, endpoints, drain::draining);
        drain.onDraining(runtimeEndpoints::refresh);
        Subscription tracking = runtimeEndpoints.track();
        Router router;
        try {
            router = Router.start(vertx, new RouterConfig(ingressHost, ingressPort).withLimits(settings.limits()),
                    endpoints, registry);
        } catch (RuntimeException e) {
            tracking.close();
            runtime.close();
            throw e;
        }
        routerRef.set(router);
        RouterRouting routing = new RouterRouting(router);
        RevisionScaling scaling = new RevisionScaling(autoscaler, runtimeEndpoints::ready,
                routing::reachable, clock, autoscaler.get(ConfigAutoscaler.TICK_INTERVAL));
        router.onLoad(scaling::record);
        router.onDemand(scaling::demand);
        scaling.onActivatorInPath(router::activatorInPath);
        router.onColdStart(coldStarts);
        scaling.onLifecycle(coldStarts);
        ScaleGauges.register(registry, scaling, runtimeEndpoints::ready);
        WorkloadSpecs specs = new WorkloadSpecs(new EnvResolver(store::get));
        ServingControllers controllers = ServingControllers.start(store, clock,
                ServingControllerConfig.DEFAULTS.withRouteUrls(new RouteUrls(domain, router.port()))
                        .withProgressDeadline(progressDeadline),
                new RuntimeInstances(runtime, specs, scaling, drain, new JvmAotCache(stateDir.resolve("jvm-aot"),
                        new JavaAotSupport(), id -> runtime.instance(id).isPresent())), routing);
        return new ServingPlatform(runtime, tracking, router, controllers, scaling, runtimeEndpoints);
    }

    /** The output of each Revision's instances, for the API server's {@code revisions/NAME/log}. */
    public RevisionLogs revisionLogs() {
        return new RuntimeLogs(runtime);
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

    /** The ingress port actually bound. */
    public int ingressPort() {
        return router.port();
    }

    @Override
    public void close() {
        controllers.close();
        scaling.close();
        router.close();
        endpointTracking.close();
        runtime.close();
    }
}
