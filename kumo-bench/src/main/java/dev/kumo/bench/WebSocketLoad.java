package dev.kumo.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A bounded WebSocket echo load: {@code connections} WebSockets (Vert.x's client, which may set Host), each sending a
 * 12-byte text message and the next one when the echo came, for {@code duration}; every round trip's latency recorded.
 */
record WebSocketLoad(int connections, Duration duration) {

    private static final String MESSAGE = "hello world\n";
    /** Round trips recorded at most; the rate still counts every echo. */
    private static final int RECORDED = 2_000_000;

    /** Echoes per second and the round trip's p50/p99, or the failures that stopped connections. */
    record Result(double messagesPerSecond, double p50Millis, double p99Millis, long failures) {
    }

    /** Runs the load against {@code 127.0.0.1:port} with Host {@code host}; answers once every socket closed. */
    Result run(Vertx vertx, int port, String host) throws Exception {
        Latencies latencies = new Latencies(RECORDED);
        long[] echoes = new long[1];
        long[] failures = new long[1];
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(
                connections).setTcpNoDelay(true));
        List<CompletableFuture<Void>> closed = new ArrayList<>();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        for (int i = 0; i < connections; i++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            closed.add(done);
            client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/")
                    .addHeader("Host", host)).onComplete(connected -> {
                        if (connected.failed()) {
                            synchronized (failures) {
                                failures[0]++;
                            }
                            done.complete(null);
                            return;
                        }
                        pingPong(connected.result(), deadline, latencies, echoes, done);
                    });
        }
        CompletableFuture.allOf(closed.toArray(CompletableFuture[]::new))
                .get(duration.toSeconds() + 30, TimeUnit.SECONDS);
        long wall = System.nanoTime() - started;
        client.close();
        long count;
        synchronized (echoes) {
            count = echoes[0];
        }
        return new Result(count / (wall / 1e9), latencies.percentileMillis(50), latencies.percentileMillis(99),
                failures[0]);
    }

    private static void pingPong(WebSocket socket, long deadline, Latencies latencies, long[] echoes,
            CompletableFuture<Void> done) {
        long[] sent = {System.nanoTime()};
        socket.closeHandler(v -> done.complete(null));
        socket.exceptionHandler(cause -> done.complete(null));
        socket.textMessageHandler(echo -> {
            long now = System.nanoTime();
            latencies.record(now - sent[0]);
            synchronized (echoes) {
                echoes[0]++;
            }
            if (now >= deadline) {
                socket.close();
                return;
            }
            sent[0] = now;
            socket.writeTextMessage(MESSAGE);
        });
        socket.writeTextMessage(MESSAGE);
    }
}
