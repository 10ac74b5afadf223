package dev.kumo.dataplane.router;

import dev.kumo.dataplane.api.RouterTransport;
import java.util.Optional;

/**
 * The transport the Netty front's loops run on, from the setting and what the system allows: {@code auto} is io_uring
 * when it can be used, else epoll, with the reason; epoll falls back to NIO where it is unavailable; {@code io_uring}
 * named where it cannot be used is an error naming the reason and the other choices.
 *
 * @param fallback why the front is not on the transport asked for (empty when it is)
 */
record TransportChoice(Transport transport, Optional<String> fallback) {

    static TransportChoice of(RouterTransport setting, NativeTransports system) {
        return switch (setting) {
            case IO_URING -> {
                Optional<String> unavailable = system.ioUringUnavailable();
                if (unavailable.isPresent()) {
                    throw new IllegalStateException("--router-transport is io_uring, which cannot be used here: "
                            + unavailable.get() + "; use --router-transport auto or epoll");
                }
                yield new TransportChoice(Transport.IO_URING, Optional.empty());
            }
            case AUTO -> system.ioUringUnavailable()
                    .map(why -> epoll(system, "io_uring unavailable: " + why))
                    .orElseGet(() -> new TransportChoice(Transport.IO_URING, Optional.empty()));
            case EPOLL -> epoll(system, null);
        };
    }

    private static TransportChoice epoll(NativeTransports system, String why) {
        if (system.epollAvailable()) {
            return new TransportChoice(Transport.EPOLL, Optional.ofNullable(why));
        }
        return new TransportChoice(Transport.NIO,
                Optional.of((why == null ? "" : why + "; ") + "epoll unavailable, on NIO"));
    }
}
