package dev.kumo.dataplane.api;

import java.util.Locale;

/**
 * Which Netty transport the Netty front's own event loops run on ({@link RouterEngine#NETTY}; the Vert.x router
 * behind it stays on Vert.x's loops): {@code io_uring}, {@code epoll}, or {@code auto} — io_uring when the kernel
 * allows it, else epoll (the reason logged at start). Epoll falls back to NIO where it is unavailable.
 */
public enum RouterTransport {
    AUTO, IO_URING, EPOLL;

    /** The transport a router gets when none is named. */
    public static final RouterTransport DEFAULT = EPOLL;

    /** The transport named {@code name} ({@code auto}, {@code io_uring} or {@code epoll}, any case); else an error. */
    public static RouterTransport parse(String name) {
        for (RouterTransport transport : values()) {
            if (transport.flagValue().equalsIgnoreCase(name.strip())) {
                return transport;
            }
        }
        throw new IllegalArgumentException("--router-transport is '" + name + "': want auto, io_uring or epoll");
    }

    /** The name as the flag takes it. */
    public String flagValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
