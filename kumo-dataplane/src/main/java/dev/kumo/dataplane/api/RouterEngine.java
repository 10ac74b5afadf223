package dev.kumo.dataplane.api;

import java.util.Locale;

/**
 * Which code serves the ingress port: {@code vertx}, the Vert.x router alone; or {@code netty}, a Netty front that
 * forwards plain HTTP/1.x requests to ready instances itself and relays every other connection (h2c, Upgrade,
 * held or unknown requests) to the Vert.x router on an internal loopback port. The front is the {@link #DEFAULT}.
 */
public enum RouterEngine {
    VERTX, NETTY;

    /** The engine a router gets when none is named: the Netty front (issue #16; {@code vertx} stays selectable). */
    public static final RouterEngine DEFAULT = NETTY;

    /** The engine named {@code name} ({@code vertx} or {@code netty}, any case); else an error naming the flag. */
    public static RouterEngine parse(String name) {
        for (RouterEngine engine : values()) {
            if (engine.name().equalsIgnoreCase(name.strip())) {
                return engine;
            }
        }
        throw new IllegalArgumentException("--router-engine is '" + name + "': want vertx or netty");
    }

    /** The name as the flag takes it. */
    public String flagValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
