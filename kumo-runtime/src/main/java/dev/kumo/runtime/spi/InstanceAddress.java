package dev.kumo.runtime.spi;

import java.util.Objects;

/**
 * Where a ready instance listens for HTTP/1.1, as its runtime reports it and the router dials it: loopback and the
 * instance's own port for a host process; later a container's address on a bridge, or a pod IP.
 */
public record InstanceAddress(String host, int port) {

    public InstanceAddress {
        Objects.requireNonNull(host, "host");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("instance port is " + port + ", want 1–65535");
        }
    }

    /** Loopback ({@code 127.0.0.1}) and the given port: where a process on this host listens. */
    public static InstanceAddress loopback(int port) {
        return new InstanceAddress("127.0.0.1", port);
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
