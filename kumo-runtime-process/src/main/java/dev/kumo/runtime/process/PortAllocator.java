package dev.kumo.runtime.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Finds free loopback ports for workloads, not handing out a port again while it is recent, nor while it is reserved
 * (a launcher made ahead holds its port, unbound, until it is taken or discarded, which may be long).
 */
final class PortAllocator {

    static final int REMEMBERED = 256;
    private static final int ATTEMPTS = 20;

    private final IntSupplier freePorts;
    private final Deque<Integer> recent = new ArrayDeque<>();
    private final Set<Integer> reserved = new HashSet<>();

    /** Ports the kernel finds free on 127.0.0.1. */
    PortAllocator() {
        this(PortAllocator::probeFreePort);
    }

    /** {@code freePorts}: a port free a moment ago, each time it is asked. */
    PortAllocator(IntSupplier freePorts) {
        this.freePorts = freePorts;
    }

    /** A port that was free on 127.0.0.1 a moment ago, reserved until {@link #release}d. */
    synchronized int reserve() {
        int port = allocate();
        reserved.add(port);
        return port;
    }

    /** Gives up the reservation of {@code port} (it may be handed out again once it is no longer recent). */
    synchronized void release(int port) {
        reserved.remove(port);
    }

    /** A port that was free on 127.0.0.1 a moment ago. */
    synchronized int allocate() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = freePorts.getAsInt();
            if (!recent.contains(port) && !reserved.contains(port)) {
                recent.addLast(port);
                if (recent.size() > REMEMBERED) {
                    recent.removeFirst();
                }
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port found after " + ATTEMPTS + " attempts");
    }

    /** Whether nothing holds {@code port} on 127.0.0.1 now. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // a closed connection's TIME_WAIT does not keep a listener out
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int probeFreePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("finding a free loopback port", e);
        }
    }
}
