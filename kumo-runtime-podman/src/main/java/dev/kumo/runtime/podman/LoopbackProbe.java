package dev.kumo.runtime.podman;

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
 * Runs one probe against a port podman published on 127.0.0.1 for the pod (never the pod's own address): a TCP
 * connect, or a GET that must answer 2xx or 3xx. Empty when it passed, else why not.
 */
final class LoopbackProbe {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int MAX_STATUS_LINE = 1024;

    private LoopbackProbe() {
    }

    static Optional<String> probe(Probe probe, int hostPort, Duration timeout) {
        if (probe instanceof Probe.Running) {
            return Optional.empty(); // probed only while the container runs
        }
        int timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, hostPort), timeoutMillis);
            return probe instanceof Probe.HttpGet get ? httpGet(socket, get.path(), hostPort, timeoutMillis)
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.of(describe(probe, hostPort) + ": " + e.getMessage());
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

    private static String describe(Probe probe, int port) {
        return switch (probe) {
            case Probe.TcpSocket tcp -> "TCP probe of 127.0.0.1:" + port;
            case Probe.HttpGet get -> "HTTP probe GET " + get.path() + " on 127.0.0.1:" + port;
            case Probe.Running running -> "container check";
            case Probe.Exec exec -> "exec probe " + exec.command();
            case Probe.Grpc grpc -> "gRPC probe of 127.0.0.1:" + port;
        };
    }
}
