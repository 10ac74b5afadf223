package dev.kumo.serving.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP relay on a port of 127.0.0.1: each connection goes to the backend {@code backends} gives at accept time
 * (bytes copied both ways on virtual threads, each half closed as its side ends); without a backend the connection is
 * closed at once. Any protocol over TCP passes, HTTP/1.1 keep-alive included (one connection, one backend).
 */
final class LoopbackProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoopbackProxy.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private final ServerSocket server;
    private final Supplier<Optional<InetSocketAddress>> backends;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private LoopbackProxy(ServerSocket server, Supplier<Optional<InetSocketAddress>> backends) {
        this.server = server;
        this.backends = backends;
    }

    /**
     * Listens on 127.0.0.1:{@code preferredPort} when it is free (a Service keeps its address across restarts), else
     * on any free port; 0 asks for any.
     */
    static LoopbackProxy open(int preferredPort, Supplier<Optional<InetSocketAddress>> backends) {
        ServerSocket server = bind(preferredPort).or(() -> bind(0)).orElseThrow(() -> new IllegalStateException(
                "no free loopback port for a Service address"));
        LoopbackProxy proxy = new LoopbackProxy(server, backends);
        Thread.ofVirtual().name("service-proxy-" + server.getLocalPort()).start(proxy::acceptLoop);
        return proxy;
    }

    /** The port clients connect to. */
    int port() {
        return server.getLocalPort();
    }

    private static Optional<ServerSocket> bind(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return Optional.of(socket);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> relay(client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.debug("accepting on service port {}: {}", port(), e.toString());
                }
            }
        }
    }

    private void relay(Socket client) {
        Optional<InetSocketAddress> backend = backends.get();
        if (backend.isEmpty()) {
            closeQuietly(client);
            return;
        }
        Socket upstream = new Socket();
        open.add(client);
        open.add(upstream);
        try {
            upstream.connect(backend.get(), CONNECT_TIMEOUT_MILLIS);
            Thread toUpstream = Thread.ofVirtual().start(() -> copy(client, upstream));
            copy(upstream, client);
            toUpstream.join();
        } catch (IOException e) {
            LOG.debug("relaying service port {} to {}: {}", port(), backend.get(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(client);
            open.remove(upstream);
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    /** Copies until {@code from} ends, then ends {@code to}'s output (a half close, as the peer did). */
    private static void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream(); // not closed here: that would close the socket both ways
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(to); // the other side went: end this one too
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        open.forEach(LoopbackProxy::closeQuietly);
    }
}
