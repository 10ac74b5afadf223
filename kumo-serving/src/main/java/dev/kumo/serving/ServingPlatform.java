package dev.kumo.serving;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.serving.RuntimeName;
import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import dev.kumo.api.serving.autoscaling.ConfigAutoscaler;
import dev.kumo.apiserver.RevisionAutoscalingView;
import dev.kumo.apiserver.RevisionLogs;
import dev.kumo.controller.manager.Component;
import dev.kumo.controller.manager.Components;
import dev.kumo.controller.route.RouteUrls;
import dev.kumo.controller.serving.ServingControllerConfig;
import dev.kumo.controller.serving.ServingControllers;
import dev.kumo.dataplane.api.InMemoryEndpoints;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.Router;
import dev.kumo.dataplane.api.RouterConfig;
import dev.kumo.dataplane.api.ScalingSignals;
import dev.kumo.dataplane.router.RouterServer;
import dev.kumo.http.ListenerLimits;
import dev.kumo.runtime.spi.WorkloadRuntime;
import dev.kumo.serving.images.ImageDigests;
import dev.kumo.serving.scaling.RevisionScaling;
import dev.kumo.store.ResourceStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;

/**
 * Serving, assembled: the process runtime runs Revisions, the router serves Routes on the ingress address, and the
 * controllers turn Services into both. Closing stops the controllers, then the autoscaler, the router and every
 * instance: the reverse of starting.
 */
public final class ServingPlatform implements AutoCloseable {

    private final Components components;
    private final WorkloadRuntime runtime;
    private final Router router;
    private final RevisionScaling scaling;
    private final RuntimeEndpoints runtimeEndpoints;

    private ServingPlatform(Components components, WorkloadRuntime runtime, Router router, RevisionScaling scaling,
            RuntimeEndpoints runtimeEndpoints) {
        this.components = components;
        this.runtime = runtime;
        this.router = router;
        this.scaling = scaling;
        this.runtimeEndpoints = runtimeEndpoints;
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
     * @param runtimes the runtimes that are on and the default one, which {@link RuntimeChoice} chooses among
     * @param registriesSkippingTagResolving registries whose image tags are run as written, not resolved to digests
     */
    public record Settings(Path stateDir, String ingressHost, int ingressPort, String domain,
            Duration progressDeadline, AutoscalerConfig autoscaler, ListenerLimits limits, RuntimeSettings runtimes,
            Set<String> registriesSkippingTagResolving) {

        /** Settings skipping Knative's default registries ({@link ImageDigests#KNATIVE_SKIPPED_REGISTRIES}). */
        public Settings(Path stateDir, String ingressHost, int ingressPort, String domain, Duration progressDeadline,
                AutoscalerConfig autoscaler, ListenerLimits limits, RuntimeSettings runtimes) {
            this(stateDir, ingressHost, ingressPort, domain, progressDeadline, autoscaler, limits, runtimes,
                    ImageDigests.KNATIVE_SKIPPED_REGISTRIES);
        }

        /** Settings with the process runtime alone. */
        public Settings(Path stateDir, String ingressHost, int ingressPort, String domain, Duration progressDeadline,
                AutoscalerConfig autoscaler, ListenerLimits limits) {
            this(stateDir, ingressHost, ingressPort, domain, progressDeadline, autoscaler, limits,
                    RuntimeSettings.DEFAULTS);
        }
    }

    /**
     * Starts serving with {@code settings}, in order: the runtime, endpoint tracking, the router, the autoscaler,
     * the controllers; if one cannot start, those started are stopped. The router's per-revision meters go to
     * {@code registry}.
     */
    public static ServingPlatform start(Vertx vertx, ResourceStore store, InstantSource clock, Settings settings,
            MeterRegistry registry, RuntimeFactory runtimes) {
        Path stateDir = settings.stateDir();
        AutoscalerConfig autoscaler = settings.autoscaler();
        Components components = new Components();
        // The only runtime built in so far; RuntimeChoice answers the others as not on.
        WorkloadRuntime runtime = components.open("process runtime",
                () -> runtimes.start(RuntimeName.PROCESS, stateDir));
        InMemoryEndpoints endpoints = new InMemoryEndpoints();
        // Created first and handed to both, so that neither the router nor the autoscaler holds the other.
        ScalingSignals signals = new ScalingSignals();
        RouterServer router = new RouterServer(vertx, new RouterConfig(settings.ingressHost(), settings.ingressPort())
                .withLimits(settings.limits()), endpoints, registry, signals);
        InstanceDrain drain = new InstanceDrain(runtime, router::inFlight);
        // Watching before the endpoints do: an instance's start is known before the router can send it a request.
        ColdStartMeters coldStarts = new ColdStartMeters(registry);
        components.run("cold start meters", () -> runtime.watch(coldStarts));
        RuntimeEndpoints runtimeEndpoints = new RuntimeEndpoints(runtime, endpoints, drain::draining);
        drain.onDraining(runtimeEndpoints::refresh);
        components.open("endpoint tracking", runtimeEndpoints::track);
        components.start("router", Component.of(router::start, router::close));
        RouterRouting routing = new RouterRouting(router);
        RevisionScaling scaling = new RevisionScaling(autoscaler, runtimeEndpoints::ready,
                routing::reachable, clock, autoscaler.get(ConfigAutoscaler.TICK_INTERVAL), signals);
        signals.onColdStart(coldStarts);
        scaling.onLifecycle(coldStarts);
        ScaleGauges.register(registry, scaling, runtimeEndpoints::ready);
        components.start("autoscaler", Component.of(scaling::start, scaling::close));
        WorkloadSpecs specs = new WorkloadSpecs(new EnvResolver(store::get));
        RuntimeChoice choice = new RuntimeChoice(settings.runtimes());
        // Only what the container runtime runs needs its image: a process, or a Revision whose runtime is not on
        // (its status says why), keeps its tag.
        ImageDigests images = components.open("image digests", () -> new ImageDigests(
                settings.registriesSkippingTagResolving(), revision -> choice.of(revision)
                        instanceof RuntimeChoice.Choice.Run run && run.runtime() == RuntimeName.CONTAINER,
                (namespace, name) -> store.get(ResourceTypes.SECRET, namespace, name)));
        components.open("serving controllers", () -> ServingControllers.start(store, clock,
                ServingControllerConfig.DEFAULTS.withRouteUrls(new RouteUrls(settings.domain(), router.port()))
                        .withProgressDeadline(settings.progressDeadline()),
                new RuntimeInstances(Map.of(RuntimeName.PROCESS, runtime), choice,
                        specs, scaling, drain, new JvmAotCache(stateDir.resolve("jvm-aot"),
                        new JavaAotSupport(), id -> runtime.instance(id).isPresent())), routing, images));
        return new ServingPlatform(components, runtime, router, scaling, runtimeEndpoints);
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
        components.stop();
    }
}
