package dev.kumo.runtime.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayDeque;
import java.util.Deque;

/** Finds free loopback ports for workloads, not handing out a port again while it is recent. */
final class PortAllocator {

    private static final int REMEMBERED = 256;
    private static final int ATTEMPTS = 20;

    private final Deque<Integer> recent = new ArrayDeque<>();

    /** A port that was free on 127.0.0.1 a moment ago. */
    synchronized int allocate() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = probeFreePort();
            if (!recent.contains(port)) {
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
