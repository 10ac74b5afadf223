package dev.kumo.dataplane.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the router listens and how it runs: {@code eventLoops} server/client pairs (one per core by default) and how
 * long an instance whose connection failed stays out of rotation.
 */
public record RouterConfig(String host, int port, int eventLoops, Duration ejectionTime) {

    public static final Duration DEFAULT_EJECTION_TIME = Duration.ofSeconds(10);

    public RouterConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(ejectionTime, "ejectionTime");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("router port is " + port + ", want 0–65535 (0 = any free port)");
        }
        if (eventLoops < 1) {
            throw new IllegalArgumentException("router eventLoops is " + eventLoops + ", want >= 1");
        }
    }

    /** Listens on {@code host:port} with one event loop per available core. */
    public RouterConfig(String host, int port) {
        this(host, port, Runtime.getRuntime().availableProcessors(), DEFAULT_EJECTION_TIME);
    }

    public RouterConfig withEventLoops(int eventLoops) {
        return new RouterConfig(host, port, eventLoops, ejectionTime);
    }

    public RouterConfig withEjectionTime(Duration ejectionTime) {
        return new RouterConfig(host, port, eventLoops, ejectionTime);
    }
}
