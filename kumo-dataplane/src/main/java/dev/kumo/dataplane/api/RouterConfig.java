package dev.kumo.dataplane.api;

import dev.kumo.http.ListenerLimits;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the router listens and how it runs: {@code eventLoops} server/client pairs (one per core by default), how
 * long an instance whose connection failed stays out of rotation, and how many requests it holds per revision
 * while that revision has no ready instance ({@code maxHeldPerRevision}; beyond it requests get 503), and how long
 * it waits for slow clients ({@code limits}: header read, idle), and whether its listeners also speak HTTP/2
 * without TLS ({@code h2c}: prior knowledge and Upgrade; off, they speak HTTP/1.1 only). With h2c on, a
 * connection's first request head is timed by a plain close rather than a 408 (see {@code ClientGuard}). With
 * an {@code openTelemetry} other than {@link OpenTelemetry#noop()} each request gets spans (see
 * {@code router.RequestTracing}); with the no-op one the tracing stage is left out of the chain. The {@code engine}
 * serves the ingress port: the Vert.x router alone, or a Netty front before it ({@link RouterEngine}), whose own
 * event loops run on {@code transport} ({@link RouterTransport}).
 */
public record RouterConfig(String host, int port, int eventLoops, Duration ejectionTime, int maxHeldPerRevision,
        ListenerLimits limits, boolean h2c, OpenTelemetry openTelemetry, RouterEngine engine,
        RouterTransport transport) {

    public static final Duration DEFAULT_EJECTION_TIME = Duration.ofSeconds(10);

    /** Knative's activator queues up to 10,000 requests per revision before answering 503 (breakerQueueDepth). */
    public static final int DEFAULT_MAX_HELD_PER_REVISION = 10_000;

    public RouterConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(ejectionTime, "ejectionTime");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(openTelemetry, "openTelemetry");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(transport, "transport");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("router port is " + port + ", want 0–65535 (0 = any free port)");
        }
        if (eventLoops < 1) {
            throw new IllegalArgumentException("router eventLoops is " + eventLoops + ", want >= 1");
        }
        if (maxHeldPerRevision < 0) {
            throw new IllegalArgumentException("router maxHeldPerRevision is " + maxHeldPerRevision
                    + ", want >= 0 (0 = answer 503 at once when a revision has no ready instance)");
        }
    }

    /** A router on {@code engine}, a Netty front's loops on the default transport ({@link RouterTransport#DEFAULT}). */
    public RouterConfig(String host, int port, int eventLoops, Duration ejectionTime, int maxHeldPerRevision,
            ListenerLimits limits, boolean h2c, OpenTelemetry openTelemetry, RouterEngine engine) {
        this(host, port, eventLoops, ejectionTime, maxHeldPerRevision, limits, h2c, openTelemetry, engine,
                RouterTransport.DEFAULT);
    }

    /** A router on the default engine ({@link RouterEngine#DEFAULT}). */
    public RouterConfig(String host, int port, int eventLoops, Duration ejectionTime, int maxHeldPerRevision,
            ListenerLimits limits, boolean h2c, OpenTelemetry openTelemetry) {
        this(host, port, eventLoops, ejectionTime, maxHeldPerRevision, limits, h2c, openTelemetry,
                RouterEngine.DEFAULT);
    }

    /** Listens on {@code host:port} with one event loop per available core. */
    public RouterConfig(String host, int port) {
        this(host, port, Runtime.getRuntime().availableProcessors(), DEFAULT_EJECTION_TIME,
                DEFAULT_MAX_HELD_PER_REVISION, ListenerLimits.DEFAULTS, false, OpenTelemetry.noop());
    }

    /** A router whose listeners speak HTTP/1.1 only. */
    public RouterConfig(String host, int port, int eventLoops, Duration ejectionTime, int maxHeldPerRevision,
            ListenerLimits limits) {
        this(host, port, eventLoops, ejectionTime, maxHeldPerRevision, limits, false, OpenTelemetry.noop());
    }

    /** A router without tracing. */
    public RouterConfig(String host, int port, int eventLoops, Duration ejectionTime, int maxHeldPerRevision,
            ListenerLimits limits, boolean h2c) {
        this(host, port, eventLoops, ejectionTime, maxHeldPerRevision, limits, h2c, OpenTelemetry.noop());
    }

    /** Whether requests are traced (an OpenTelemetry other than the no-op one). */
    public boolean tracing() {
        return openTelemetry != OpenTelemetry.noop();
    }

    /** The same, tracing requests with {@code openTelemetry} ({@link OpenTelemetry#noop()}: no tracing). */
    public RouterConfig withOpenTelemetry(OpenTelemetry openTelemetry) {
        return new RouterConfig(host, port, eventLoops, ejectionTime, maxHeldPerRevision, limits, h2c, openTelemetry,
                engine, transport);
    }

    /** Whether the listeners also speak h2c (HTTP/2 with prior knowledge and via Upgrade). */
    public RouterConfig withH2c(boolean h2c) {
        return new RouterConfig(host, port, eventLoops, ejectionTime, maxHeldPerRevision, limits, h2c, openTelemetry,
                engine, transport);
    }

    public RouterConfig withEventLoops(int eventLoops) {
        return new RouterConfig(host, port, eventLoops, ejectionTime, maxHeldPerRevision, limits, h2c, openTelemetry,
                engine, transport);
    }

    public RouterConfig withEjectionTime(Duration ejectionTime) {
        return new RouterConfig(host, port, eventLoops, ejectionTime, maxHeldPerRevision, limits, h2c, openTelemetry,
                engine, transport);
    }

    public RouterConfig withMaxHeldPerRevision(int maxHeldPerRevision) {
        return new RouterConfig(host, port, eventLoops, ejectionTime, maxHeldPerRevision, limits, h2c, openTelemetry,
                engine, transport);
    }

    public RouterConfig withLimits(ListenerLimits limits) {
        return new RouterConfig(host, port, eventLoops, ejectionTime, maxHeldPerRevision, limits, h2c, openTelemetry,
                engine, transport);
    }

    /** The same on {@code engine} (see {@link RouterEngine}). */
    public RouterConfig withEngine(RouterEngine engine) {
        return new RouterConfig(host, port, eventLoops, ejectionTime, maxHeldPerRevision, limits, h2c, openTelemetry,
                engine, transport);
    }

    /** The same with the Netty front's loops on {@code transport} (see {@link RouterTransport}). */
    public RouterConfig withTransport(RouterTransport transport) {
        return new RouterConfig(host, port, eventLoops, ejectionTime, maxHeldPerRevision, limits, h2c, openTelemetry,
                engine, transport);
    }
}
