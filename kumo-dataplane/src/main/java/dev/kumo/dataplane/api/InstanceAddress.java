package dev.kumo.dataplane.api;

import java.util.Objects;

/** Where a ready instance of a revision listens for HTTP/1.1. */
public record InstanceAddress(String host, int port) {

    public InstanceAddress {
        Objects.requireNonNull(host, "host");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("instance port is " + port + ", want 1–65535");
        }
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
