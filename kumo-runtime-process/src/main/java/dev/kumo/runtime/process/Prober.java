package dev.kumo.runtime.process;

import dev.kumo.runtime.spi.Probe;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Runs one probe against 127.0.0.1: a connection must reach a socket of the instance's own processes (the
 * {@link PortCheck}) before the probe's own test (connect, GET) counts.
 */
final class Prober {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int MAX_STATUS_LINE = 1024;
    /** A loopback connect is answered at once; this bounds one whose SYN a full backlog dropped. */
    private static final int ACCEPT_TIMEOUT_MILLIS = 100;

    private Prober() {
    }

    /** Probes {@code port} once, with the given timeout for connect and answer. */
    static ProbeOutcome probe(Probe probe, int port, Duration timeout, PortCheck ports, boolean ready) {
        if (probe instanceof Probe.Running) {
            return new ProbeOutcome.Passed(); // probed only while the process is alive
        }
        InetSocketAddress target = new InetSocketAddress(LOOPBACK, port);
        int timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (Socket socket = new Socket()) {
            try {
                socket.connect(target, timeoutMillis);
            } catch (IOException e) {
                return ports.refused(port, describe(probe, port) + ": " + e.getMessage());
            }
            Optional<PortConflict> conflict = ports.connected(port, ready);
            if (conflict.isPresent()) {
                return new ProbeOutcome.Conflicted(conflict.get());
            }
            Optional<String> failure = switch (probe) {
                case Probe.TcpSocket tcp -> Optional.empty();
                case Probe.HttpGet get -> httpGet(socket, get.path(), port, timeoutMillis);
                case Probe.Running running -> Optional.empty();
                // Refused before the start (ProcessRuntime.unsupported): never scheduled.
                case Probe.Exec exec -> Optional.of(describe(probe, port) + ": not run by the process runtime");
                case Probe.Grpc grpc -> Optional.of(describe(probe, port) + ": not run by the process runtime");
            };
            return failure.<ProbeOutcome>map(ProbeOutcome.Failed::new).orElse(new ProbeOutcome.Passed());
        } catch (IOException e) {
            return new ProbeOutcome.Failed(describe(probe, port) + ": " + e.getMessage());
        }
    }

    /**
     * Whether something accepts connections at 127.0.0.1:{@code port}, by connecting and closing: the cheap look a
     * start polls with, which tells neither whose socket it is nor whether it answers (the probe after it does).
     */
    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), ACCEPT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static Optional<String> httpGet(Socket socket, String path, int port, int timeoutMillis)
            throws IOException {
        socket.setSoTimeout(timeoutMillis);
        String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nUser-Agent: kube-probe/kumo\r\nK-Kubelet-Probe: readiness\r\nConnection: close\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        String statusLine = readLine(socket.getInputStream());
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            return Optional.of("HTTP probe GET " + path + " on port " + port + ": not an HTTP answer: " + statusLine);
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.of("HTTP probe GET " + path + " on port " + port + ": bad status line: " + statusLine);
        }
        return status >= 200 && status < 400 ? Optional.empty()
                : Optional.of("HTTP probe GET " + path + " on port " + port + " failed with statuscode: " + status);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != -1 && b != '\n' && line.length() < MAX_STATUS_LINE; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static String describe(Probe probe, int port) {
        return switch (probe) {
            case Probe.TcpSocket tcp -> "TCP probe of 127.0.0.1:" + port;
            case Probe.HttpGet get -> "HTTP probe GET " + get.path() + " on 127.0.0.1:" + port;
            case Probe.Running running -> "process check";
            case Probe.Exec exec -> "exec probe " + exec.command();
            case Probe.Grpc grpc -> "gRPC probe of 127.0.0.1:" + port;
        };
    }
}
