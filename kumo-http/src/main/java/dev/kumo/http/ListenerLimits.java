package dev.kumo.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a listener waits for a client that is slow or gone: the request headers must be complete within
 * {@code headerReadTimeout} of the connection opening or of the first byte of a later request, a connection
 * with no request in it is closed after {@code idleTimeout}, and a request body that stops arriving for
 * {@code idleTimeout} gets 408. A response that is being streamed (a watch, a log) is never cut by either.
 *
 * @param headerReadTimeout the longest a request's head (request line and headers) may take to arrive
 * @param idleTimeout the longest a kept-alive connection may sit between requests, or a body may stall
 */
public record ListenerLimits(Duration headerReadTimeout, Duration idleTimeout) {

    /** Go's servers and nginx answer slow heads within seconds; 10 s leaves room for a loaded machine. */
    public static final Duration DEFAULT_HEADER_READ_TIMEOUT = Duration.ofSeconds(10);

    /** Longer than the idle timeouts of common clients' pools (Go 90 s, Vert.x 60 s), so they close first. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(120);

    public static final ListenerLimits DEFAULTS = new ListenerLimits(DEFAULT_HEADER_READ_TIMEOUT,
            DEFAULT_IDLE_TIMEOUT);

    public ListenerLimits {
        requirePositive("header-read-timeout", headerReadTimeout);
        requirePositive("idle-timeout", idleTimeout);
    }

    public ListenerLimits withHeaderReadTimeout(Duration headerReadTimeout) {
        return new ListenerLimits(headerReadTimeout, idleTimeout);
    }

    public ListenerLimits withIdleTimeout(Duration idleTimeout) {
        return new ListenerLimits(headerReadTimeout, idleTimeout);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " is " + value + ", want a positive duration such as 10s");
        }
    }
}
