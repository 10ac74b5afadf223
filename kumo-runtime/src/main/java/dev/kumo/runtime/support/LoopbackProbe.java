package dev.kumo.runtime.support;

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
 * One probe of a port on 127.0.0.1 — the instance's own (process runtime) or the one podman published for the pod
 * (container runtime, never the pod's own address): a TCP connect, a GET that must answer 2xx or 3xx, or a gRPC
 * health check that must answer SERVING. Results are empty when the probe passed, else why not.
 */
public final class LoopbackProbe {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int MAX_STATUS_LINE = 1024;

    private final GrpcHealthClient grpc;

    /** Probes that run gRPC health checks with {@code grpc}. */
    public LoopbackProbe(GrpcHealthClient grpc) {
        this.grpc = grpc;
    }

    /** Connects to 127.0.0.1:{@code port} and runs the probe's test (a gRPC check connects by itself). */
    public Optional<String> probe(Probe probe, int port, Duration timeout) {
        if (probe instanceof Probe.Running) {
            return Optional.empty(); // probed only while the workload runs
        }
        if (probe instanceof Probe.Grpc check) {
            return grpc(check, port, timeout);
        }
        try (Socket socket = new Socket()) {
            socket.connect(address(port), timeoutMillis(timeout));
            return test(socket, probe, port, timeout);
        } catch (IOException e) {
            return Optional.of(describe(probe, port) + ": " + e.getMessage());
        }
    }

    /**
     * The probe's own test once {@code socket} is connected to 127.0.0.1:{@code port}: nothing more for TCP, a GET
     * on it for HTTP, a gRPC health check (on a connection of its own) for gRPC.
     */
    public Optional<String> test(Socket socket, Probe probe, int port, Duration timeout) throws IOException {
        return switch (probe) {
            case Probe.TcpSocket tcp -> Optional.empty();
            case Probe.HttpGet get -> httpGet(socket, get.path(), port, timeoutMillis(timeout));
            case Probe.Grpc check -> grpc(check, port, timeout);
            case Probe.Running running -> Optional.empty();
            // Runs in the workload (the container runtime's ExecProbe); a runtime without exec refuses it first.
            case Probe.Exec exec -> Optional.of(describe(probe, port) + ": not run on a port");
        };
    }

    /** How a failure of the probe starts: what was probed, where. */
    public static String describe(Probe probe, int port) {
        return switch (probe) {
            case Probe.TcpSocket tcp -> "TCP probe of 127.0.0.1:" + port;
            case Probe.HttpGet get -> "HTTP probe GET " + get.path() + " on 127.0.0.1:" + port;
            case Probe.Running running -> "check that it runs";
            case Probe.Exec exec -> "exec probe " + exec.command();
            case Probe.Grpc grpc -> "gRPC probe of 127.0.0.1:" + port
                    + grpc.service().map(service -> " (service " + service + ")").orElse("");
        };
    }

    /** 127.0.0.1:{@code port}. */
    public static InetSocketAddress address(int port) {
        return new InetSocketAddress(LOOPBACK, port);
    }

    /** A probe's timeout as a socket takes it: at least 1 ms. */
    public static int timeoutMillis(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    private Optional<String> grpc(Probe.Grpc check, int port, Duration timeout) {
        return grpc.check(port, check.service(), timeout).map(failure -> describe(check, port) + ": " + failure);
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
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
            return Optional.of("HTTP probe GET " + path + " on port " + port + ": not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
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
}
