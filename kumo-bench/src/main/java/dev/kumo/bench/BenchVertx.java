package dev.kumo.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.impl.VertxBuilder;

/**
 * A Vert.x instance for the ceiling's proxies on a chosen transport: Vert.x's native one (epoll), or io_uring
 * through {@link IoUringTransport}; throws if io_uring is asked for and the kernel does not allow it.
 */
final class BenchVertx {

    private BenchVertx() {
    }

    /** A Vert.x with {@code eventLoops} event loops, on io_uring if {@code ioUring}, else on epoll. */
    static Vertx create(int eventLoops, boolean ioUring) {
        VertxOptions options = new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(eventLoops);
        if (!ioUring) {
            return Vertx.vertx(options);
        }
        IoUringTransport uring = new IoUringTransport();
        if (!uring.isAvailable()) {
            throw new IllegalStateException("io_uring is unavailable: " + uring.unavailabilityCause());
        }
        // Vert.x 4.5 has no public way to pick a transport per instance; its builder (public, in impl) does.
        return new VertxBuilder(options).findTransport(uring).init().vertx();
    }
}
