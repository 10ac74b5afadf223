package dev.kumo.serving.warmup;

import dev.kumo.api.codec.Json;
import dev.kumo.api.codec.TypedCodec;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import dev.kumo.api.serving.autoscaling.ConfigAutoscaler;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.InMemoryEndpoints;
import dev.kumo.dataplane.api.RevisionSettings;
import dev.kumo.dataplane.api.RouteTable;
import dev.kumo.dataplane.api.RouterConfig;
import dev.kumo.dataplane.api.ScalingSignals;
import dev.kumo.dataplane.router.RouterServer;
import dev.kumo.runtime.support.WarmupRevisions;
import dev.kumo.serving.scaling.RevisionScaling;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The code a cold start runs, on private copies: a router (the same engine and config as the ingress, on its own
 * 127.0.0.1 ephemeral port, its meters in a registry nobody scrapes), endpoints, signals and an autoscaler, so that
 * nothing of it reaches the store, Events, the ingress's meters or its routes. One {@link #round} is one cold start
 * of a fresh synthetic revision: route update, a request on a new connection held at zero, the demand decided, the
 * instance (a {@link WarmupTarget}) made ready on another thread, the request released and proxied over a new
 * upstream connection.
 */
final class WarmupPath implements AutoCloseable {

    private static final RevisionSettings SETTINGS = new RevisionSettings(10, 0);
    private static final long DECISION_SECONDS = 10;
    /** What the autoscaler reads of a Revision: its annotations (none) and containerConcurrency (unset). */
    private static final Revision TEMPLATE = TypedCodec.decode(Json.parseObject("""
            {"apiVersion": "serving.knative.dev/v1", "kind": "Revision", "metadata": {"name": "warmup"},
             "spec": {"containers": [{"image": "kumo.warmup/none"}]}}
            """), Revision.class).value();

    private final Vertx vertx;
    private final InMemoryEndpoints endpoints;
    private final RouterServer router;
    private final RevisionScaling scaling;
    private final BlockingQueue<RevisionId> decided;

    private WarmupPath(Vertx vertx, InMemoryEndpoints endpoints, RouterServer router, RevisionScaling scaling,
            BlockingQueue<RevisionId> decided) {
        this.vertx = vertx;
        this.endpoints = endpoints;
        this.router = router;
        this.scaling = scaling;
        this.decided = decided;
    }

    /**
     * Starts the private router (configured as {@code ingress}, on 127.0.0.1:0, on a Vert.x of its own: in the
     * ingress's, Vert.x would share the ingress's listening port with it) and autoscaler (with {@code autoscaler}).
     * The JIT compiles methods, not instances: what runs here is compiled for the ingress too (so on its engine).
     */
    static WarmupPath start(RouterConfig ingress, AutoscalerConfig autoscaler) {
        InMemoryEndpoints endpoints = new InMemoryEndpoints();
        ScalingSignals signals = new ScalingSignals();
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true)
                .setEventLoopPoolSize(ingress.eventLoops()).setWorkerPoolSize(1));
        RouterServer router = new RouterServer(vertx, new RouterConfig("127.0.0.1", 0, ingress.eventLoops(),
                ingress.ejectionTime(), ingress.maxHeldPerRevision(), ingress.limits(), ingress.h2c(),
                ingress.openTelemetry(), ingress.engine(), ingress.transport()), endpoints, new SimpleMeterRegistry(), signals);
        try {
            router.startUnannounced();
        } catch (RuntimeException | Error e) {
            vertx.close();
            throw e;
        }
        try {
            // Every synthetic revision starts at zero, as a Service created with initial-scale 0.
            AutoscalerConfig atZero = autoscaler.with(ConfigAutoscaler.ALLOW_ZERO_INITIAL_SCALE, true)
                    .with(ConfigAutoscaler.INITIAL_SCALE, 0);
            RevisionScaling scaling = new RevisionScaling(atZero, revision -> endpoints.ready(revision).size(),
                    revision -> true, InstantSource.system(), autoscaler.get(ConfigAutoscaler.TICK_INTERVAL),
                    signals);
            BlockingQueue<RevisionId> decided = new LinkedBlockingQueue<>();
            scaling.onChange(decided::add);
            scaling.start();
            return new WarmupPath(vertx, endpoints, router, scaling, decided);
        } catch (RuntimeException | Error e) {
            router.close();
            vertx.close();
            throw e;
        }
    }

    /** One synthetic cold start of revision number {@code round}; throws if it did not end in a 200. */
    void round(int round) throws InterruptedException {
        RevisionId id = new RevisionId(WarmupRevisions.NAMESPACE, "warmup-" + round);
        String host = id.name() + "." + WarmupRevisions.NAMESPACE;
        decided.clear();
        scaling.desired(revision(id));
        router.update(RouteTable.builder().host(host, id).revision(id, SETTINGS).build());
        try (WarmupTarget target = WarmupTarget.listen(vertx); WarmupClient client = WarmupClient.send(router.port(),
                host)) {
            awaitDecision(id);
            // From this thread, as the runtime's watch tells the endpoints: the held request's release crosses over.
            endpoints.set(id, List.of(target.address()));
            int status = client.status();
            if (status != 200) {
                throw new IllegalStateException("warm-up round " + round + " answered " + status + ", want 200");
            }
        } finally {
            endpoints.set(id, List.of());
            scaling.forget(id);
        }
    }

    @Override
    public void close() {
        router.update(RouteTable.empty());
        router.close();
        scaling.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
    }

    private void awaitDecision(RevisionId id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DECISION_SECONDS);
        for (long left = DECISION_SECONDS * 1_000_000_000L; left > 0; left = deadline - System.nanoTime()) {
            RevisionId next = decided.poll(left, TimeUnit.NANOSECONDS);
            if (id.equals(next) && scaling.lastDesired(id) > 0) {
                return;
            }
        }
        throw new IllegalStateException("warm-up: no decision to start " + id + " within " + DECISION_SECONDS + " s");
    }

    private static Revision revision(RevisionId id) {
        return TEMPLATE.withMetadata(ObjectMeta.of(id.namespace(), id.name()));
    }
}
