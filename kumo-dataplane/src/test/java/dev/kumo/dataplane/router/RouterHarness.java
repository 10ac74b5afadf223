package dev.kumo.dataplane.router;

import dev.kumo.dataplane.api.InMemoryEndpoints;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.Router;
import dev.kumo.dataplane.api.RouterConfig;
import dev.kumo.dataplane.api.RouterEngine;
import dev.kumo.dataplane.api.RouterTransport;
import dev.kumo.dataplane.api.ScalingSignals;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A router on 127.0.0.1:0 with two event loops, a Prometheus registry and its scaling signals, plus a Vert.x instance for backends and
 * the client; closes all of them.
 */
final class RouterHarness implements AutoCloseable {

    /**
     * {@code -Dkumo.test.router-engine=vertx} runs the router ITs against the Vert.x router alone;
     * {@code -Dkumo.test.router-transport=epoll} (or io_uring) the Netty front's loops on that transport.
     */
    static final RouterConfig CONFIG = new RouterConfig("127.0.0.1", 0).withEventLoops(2)
            .withEngine(RouterEngine.parse(System.getProperty("kumo.test.router-engine",
                    RouterEngine.DEFAULT.flagValue())))
            .withTransport(RouterTransport.parse(System.getProperty("kumo.test.router-transport",
                    RouterTransport.DEFAULT.flagValue())));

    final Vertx vertx = Vertx.vertx();
    final InMemoryEndpoints endpoints = new InMemoryEndpoints();
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** What the router tells the autoscaler and hears from it; the tests play the autoscaler. */
    final ScalingSignals signals = new ScalingSignals();
    final Router router;
    final TestClient client;
    private final List<Backend> backends = new ArrayList<>();

    RouterHarness() {
        this(CONFIG);
    }

    RouterHarness(RouterConfig config) {
        router = RouterServer.start(config, endpoints, registry, signals);
        client = new TestClient(vertx, router.port());
    }

    static RevisionId revision(String name) {
        return new RevisionId("default", name);
    }

    Backend backend(String name) {
        Backend backend = Backend.start(vertx, name);
        backends.add(backend);
        return backend;
    }

    /** Makes {@code instances} the ready instances of {@code revision}. */
    void ready(RevisionId revision, Backend... instances) {
        endpoints.set(revision, Arrays.stream(instances).map(Backend::address).toList());
    }

    @Override
    public void close() {
        router.close();
        backends.forEach(Backend::close);
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // best effort
        }
    }
}
