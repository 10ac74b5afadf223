package dev.kumo.runtime.support;

import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.ProbeSpec;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * The fast looks at a starting instance's port, under a readiness probe of a port (TCP, HTTP GET, gRPC health) with
 * no declared period: whether something accepts a loopback connection there, every 0.5 ms for the first 20 ms, then
 * every millisecond until the window ends. The kernel has no event plain Java can wait on for a socket starting to
 * listen, but a refused loopback connect costs microseconds, while the probe itself (an HTTP request, a health RPC)
 * would load an app still warming up. Once something accepts, the looks stop and the probe runs at once; after that,
 * or after the window, the runtime's probe schedule alone decides. Refusals seen by a look are no probe failures.
 * Made {@link #keepingConnection keeping the connection}, the accepted look's connection is handed to the probe
 * ({@link #takeConnection}), so the first probe opens none of its own: the workload is connected to once, not twice.
 */
public final class StartPolling {

    static final Duration FIRST_INTERVAL = Duration.ofNanos(500_000);
    static final Duration FIRST_SPAN = Duration.ofMillis(20);
    static final Duration INTERVAL = Duration.ofMillis(1);
    private static final int ACCEPT_TIMEOUT_MILLIS = 100;

    private final Instant from;
    private final Duration window;
    /** A look at a port: the connection when something accepts (connected, or a stand-in never connected). */
    private final IntFunction<Optional<Socket>> looks;
    private boolean accepted;
    private Optional<Socket> connection = Optional.empty();

    StartPolling(Instant from, Duration window, IntPredicate accepts) {
        // A predicate's look keeps no connection: an unconnected stand-in (no file descriptor) marks the accept.
        this(port -> accepts.test(port) ? Optional.of(new Socket()) : Optional.empty(), from, window);
    }

    /** Looks that keep the accepted connection (in another order than the predicate's: both take a lambda). */
    private StartPolling(IntFunction<Optional<Socket>> looks, Instant from, Duration window) {
        this.from = from;
        this.window = window;
        this.looks = looks;
    }

    /**
     * The looks for {@code readiness} from {@code from} (the first probe's time) over {@code window}; none for a
     * declared period (the user chose the pace) or a probe not of a port (a connect tells nothing about an exec).
     */
    public static Optional<StartPolling> forReadiness(ProbeSpec readiness, Instant from, Duration window) {
        Probe probe = readiness.probe();
        boolean ofPort = probe instanceof Probe.TcpSocket || probe instanceof Probe.HttpGet
                || probe instanceof Probe.Grpc;
        return readiness.period().isZero() && ofPort
                ? Optional.of(new StartPolling(from, window, StartPolling::acceptsOnLoopback)) : Optional.empty();
    }

    /** Looks at {@code from} over {@code window} that keep the connection {@code looks} opened when accepted. */
    static StartPolling keeping(Instant from, Duration window, IntFunction<Optional<Socket>> looks) {
        return new StartPolling(looks, from, window);
    }

    /**
     * As {@link #forReadiness}, but the accepted look's connection stays open for the probe to take
     * ({@link #takeConnection}); the caller must take it and close it.
     */
    public static Optional<StartPolling> keepingConnection(ProbeSpec readiness, Instant from, Duration window) {
        return forReadiness(readiness, from, window)
                .map(polling -> keeping(from, window, StartPolling::connectOnLoopback));
    }

    /**
     * The connection of the look that was accepted, once: the probe runs on it instead of connecting again. Empty
     * when nothing accepted yet, when it was taken, or when the looks keep no connection.
     */
    public Optional<Socket> takeConnection() {
        Optional<Socket> taken = connection.filter(Socket::isConnected);
        connection = Optional.empty();
        return taken;
    }

    /**
     * Before a readiness probe of {@code port} at {@code now}: the time of the next look while nothing accepts there
     * yet in the window (the probe waits); empty when the probe runs now (something accepted, the window is over).
     */
    public Optional<Instant> nextLook(int port, Instant now) {
        if (!covers(now)) {
            return Optional.empty();
        }
        Optional<Socket> looked = looks.apply(port);
        if (looked.isPresent()) {
            accepted = true;
            connection = looked;
            return Optional.empty();
        }
        return Optional.of(after(now));
    }

    /** Whether a probe at {@code now} waits for the looks: nothing accepted yet and the window not over. */
    boolean covers(Instant now) {
        return !accepted && now.isBefore(from.plus(window));
    }

    /** The look after one made at {@code lastLook}, or the end of the window, where the scheduled probes resume. */
    Instant after(Instant lastLook) {
        Instant next = lastLook.plus(lastLook.isBefore(from.plus(FIRST_SPAN)) ? FIRST_INTERVAL : INTERVAL);
        Instant end = from.plus(window);
        return next.isBefore(end) ? next : end;
    }

    /**
     * Whether something accepts connections at 127.0.0.1:{@code port}, by connecting and closing: tells neither whose
     * socket it is nor whether it answers (the probe after it does).
     */
    static boolean acceptsOnLoopback(int port) {
        Optional<Socket> connected = connectOnLoopback(port);
        connected.ifPresent(StartPolling::close);
        return connected.isPresent();
    }

    /** A connection to 127.0.0.1:{@code port}, empty when refused. */
    static Optional<Socket> connectOnLoopback(int port) {
        Socket socket = new Socket();
        try {
            socket.connect(LoopbackProbe.address(port), ACCEPT_TIMEOUT_MILLIS);
            return Optional.of(socket);
        } catch (IOException refused) {
            close(socket);
            return Optional.empty();
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a loopback socket: nothing to do about a failure
        }
    }
}
