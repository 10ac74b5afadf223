package dev.kumo.dataplane.router;

import dev.kumo.runtime.spi.InstanceAddress;
import io.vertx.core.net.SocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** One ready instance as the router sees it: its address, requests in flight and whether it is ejected. */
final class Instance {

    final InstanceAddress address;
    /** The address as Vert.x's client takes it, built once (else the client builds one per request). */
    final SocketAddress server;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder requests = new LongAdder();
    private volatile boolean ejected;
    private volatile long ejectedUntilNanos;

    Instance(InstanceAddress address) {
        this.address = address;
        this.server = SocketAddress.inetSocketAddress(address.port(), address.host());
    }

    int inFlight() {
        return inFlight.get();
    }

    /** Requests this instance has taken so far. */
    long requests() {
        return requests.sum();
    }

    void acquire() {
        inFlight.incrementAndGet();
        requests.increment();
    }

    void release() {
        inFlight.decrementAndGet();
    }

    /** Takes the instance out of rotation until {@code untilNanos} (a {@link System#nanoTime()} value). */
    void eject(long untilNanos) {
        ejectedUntilNanos = untilNanos;
        ejected = true;
    }

    /** Whether the instance may take requests at {@code nowNanos}. */
    boolean usable(long nowNanos) {
        return !ejected || nowNanos - ejectedUntilNanos >= 0;
    }

    @Override
    public String toString() {
        return address.toString();
    }
}
