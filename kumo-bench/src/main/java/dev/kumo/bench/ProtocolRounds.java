package dev.kumo.bench;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The router benchmark's rows beyond HTTP/1.1: HTTP/2 (h2load, h2c with prior knowledge: direct to the backend's
 * h2c listener, through Kumo's router, through nginx's http2 listener) and WebSocket echo (direct to the echo
 * workload and through the router), each path's median of interleaved rounds after a warm-up of each.
 */
final class ProtocolRounds {

    private static final int ROUNDS = 3;
    private static final int H2_THREADS = 2;
    /** Concurrent streams per HTTP/2 connection: connections × streams = the HTTP/1.1 rows' connections. */
    private static final int H2_STREAMS = 8;

    private final Map<String, List<H2load.Result>> h2 = new LinkedHashMap<>();
    private final Map<String, List<WebSocketLoad.Result>> ws = new LinkedHashMap<>();
    private final int h2Connections;
    private final int connections;

    ProtocolRounds(int connections) {
        this.connections = connections;
        this.h2Connections = Math.max(H2_THREADS, connections / H2_STREAMS); // h2load: a connection per thread at least
    }

    /** Runs the HTTP/2 rows: {@code urls} by path name, every request with {@code :authority} {@code host}. */
    void http2(Map<String, String> urls, String host, Duration warmUp, Duration duration) throws Exception {
        H2load warm = new H2load(H2_THREADS, h2Connections, H2_STREAMS, warmUp);
        H2load load = new H2load(H2_THREADS, h2Connections, H2_STREAMS, duration);
        for (String url : urls.values()) {
            warm.run(url, host);
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (Map.Entry<String, String> path : urls.entrySet()) {
                h2.computeIfAbsent(path.getKey(), k -> new ArrayList<>()).add(load.run(path.getValue(), host));
            }
        }
    }

    /** Runs the WebSocket echo rows: {@code ports} by path name, every handshake with Host {@code host}. */
    void webSocket(Map<String, Integer> ports, String host, Duration warmUp, Duration duration) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            WebSocketLoad warm = new WebSocketLoad(connections, warmUp);
            WebSocketLoad load = new WebSocketLoad(connections, duration);
            for (int port : ports.values()) {
                warm.run(vertx, port, host);
            }
            for (int round = 0; round < ROUNDS; round++) {
                for (Map.Entry<String, Integer> path : ports.entrySet()) {
                    ws.computeIfAbsent(path.getKey(), k -> new ArrayList<>())
                            .add(load.run(vertx, path.getValue(), host));
                }
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** Prints both tables: each path's median round, and the range of every round. */
    void print() {
        System.out.printf("%nHTTP/2 (h2c, prior knowledge): h2load -t%d -c%d -m%d, %d rounds; mean time per request"
                + "%n", H2_THREADS, h2Connections, H2_STREAMS, ROUNDS);
        System.out.printf("%-17s %12s %10s %9s  %s%n", "path", "requests/s", "mean", "failed", "range requests/s");
        h2.forEach((path, all) -> {
            List<H2load.Result> sorted = all.stream()
                    .sorted(Comparator.comparingDouble(H2load.Result::requestsPerSecond)).toList();
            H2load.Result r = sorted.get(sorted.size() / 2);
            System.out.printf("%-17s %,12.0f %7.2f ms %9d  %,.0f–%,.0f%n", path, r.requestsPerSecond(),
                    r.meanMillis(), all.stream().mapToLong(H2load.Result::failures).sum(),
                    sorted.getFirst().requestsPerSecond(), sorted.getLast().requestsPerSecond());
        });
        System.out.printf("%nWebSocket echo: %d connections (Vert.x client), one 12-byte message in flight on each, "
                + "%d rounds; round trip%n", connections, ROUNDS);
        System.out.printf("%-17s %12s %10s %10s %9s  %s%n", "path", "messages/s", "p50", "p99", "failed",
                "range messages/s");
        ws.forEach((path, all) -> {
            List<WebSocketLoad.Result> sorted = all.stream()
                    .sorted(Comparator.comparingDouble(WebSocketLoad.Result::messagesPerSecond)).toList();
            WebSocketLoad.Result r = sorted.get(sorted.size() / 2);
            System.out.printf("%-17s %,12.0f %7.2f ms %7.2f ms %9d  %,.0f–%,.0f%n", path, r.messagesPerSecond(),
                    r.p50Millis(), r.p99Millis(), all.stream().mapToLong(WebSocketLoad.Result::failures).sum(),
                    sorted.getFirst().messagesPerSecond(), sorted.getLast().messagesPerSecond());
        });
    }
}
