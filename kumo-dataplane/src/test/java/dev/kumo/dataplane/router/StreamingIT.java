package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.RouterHarness.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RouteTable;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bodies stream through the router in both directions, bounded by backpressure rather than buffered whole. */
class StreamingIT {

    private static final RevisionId V1 = revision("stream-00001");
    private static final String HOST = "stream.default.localhost";
    private static final int CHUNK = 64 * 1024;

    private RouterHarness h;
    private Backend backend;

    @BeforeEach
    void start() {
        h = new RouterHarness();
        backend = h.backend("v1");
        h.ready(V1, backend);
        h.router.update(RouteTable.builder().host(HOST, V1).build());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    /**
     * The client never has more than 1 MB sent but not echoed back: if the router held the request body until its
     * end (or the response until its end), the 20 MB exchange could not complete.
     */
    @Test
    void twentyMegabytesEchoProgressivelyBothWays() throws Exception {
        backend.behave(request -> {
            request.response().setChunked(true);
            request.pipeTo(request.response());
        });
        long total = 20L * 1024 * 1024;
        long window = 1024 * 1024;
        Buffer chunk = TestClient.bytes(CHUNK, 7);
        AtomicLong sent = new AtomicLong();
        AtomicLong received = new AtomicLong();
        CRC32 sentCrc = new CRC32();
        CRC32 receivedCrc = new CRC32();
        CompletableFuture<Integer> done = new CompletableFuture<>();

        h.vertx.runOnContext(v -> h.client.vertxClient().request(h.client.options(HttpMethod.POST, HOST, "/echo"))
                .onFailure(done::completeExceptionally).onSuccess(request -> {
                    request.setChunked(true);
                    boolean[] ended = {false};
                    Runnable pump = () -> {
                        while (sent.get() < total && sent.get() - received.get() < window) {
                            request.write(chunk);
                            sentCrc.update(chunk.getBytes());
                            sent.addAndGet(CHUNK);
                        }
                        if (sent.get() == total && !ended[0]) {
                            ended[0] = true;
                            request.end();
                        }
                    };
                    AtomicReference<Runnable> pumpRef = new AtomicReference<>(pump);
                    request.response().onFailure(done::completeExceptionally).onSuccess(response -> {
                        response.handler(data -> {
                            receivedCrc.update(data.getBytes());
                            received.addAndGet(data.length());
                            pumpRef.get().run();
                        });
                        response.endHandler(end -> done.complete(response.statusCode()));
                        response.exceptionHandler(done::completeExceptionally);
                    });
                    pump.run();
                }));

        assertThat(done.get(60, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(received.get()).isEqualTo(total);
        assertThat(receivedCrc.getValue()).isEqualTo(sentCrc.getValue());
    }

    // Kernel socket buffers on loopback (autotuned up to tcp_rmem's 32 MB here) absorb about 10 MB in practice;
    // the bound leaves room for that, and is far below the 256 MB a buffering proxy would take in.

    /** A backend that stops reading stops the client: the router does not soak up the upload. */
    @Test
    void uploadToAPausedBackendIsHeldBackByBackpressure() {
        long total = 256L * 1024 * 1024;
        AtomicLong atBackend = new AtomicLong();
        AtomicReference<io.vertx.core.http.HttpServerRequest> upload = new AtomicReference<>();
        backend.behave(request -> {
            request.pause();
            request.handler(data -> atBackend.addAndGet(data.length()));
            request.endHandler(v -> request.response().end("got " + atBackend.get()));
            upload.set(request);
        });
        AtomicLong sent = new AtomicLong();
        CompletableFuture<String> answer = new CompletableFuture<>();
        h.vertx.runOnContext(v -> h.client.vertxClient().request(h.client.options(HttpMethod.PUT, HOST, "/up"))
                .onSuccess(request -> {
                    request.setChunked(true);
                    request.response().compose(HttpClientResponse::body)
                            .onSuccess(body -> answer.complete(body.toString()));
                    writeWhileWritable(request, TestClient.bytes(CHUNK, 1), sent, total);
                }));

        awaitStalled(sent);
        assertThat(sent.get()).as("bytes the client could send while the backend read nothing").isLessThan(total / 3);

        upload.get().resume();
        await().atMost(Duration.ofSeconds(60)).until(answer::isDone);
        assertThat(answer.join()).isEqualTo("got " + total);
    }

    /** A client that stops reading stops the backend: the router does not soak up the download. */
    @Test
    void downloadToAPausedClientIsHeldBackByBackpressure() {
        long total = 256L * 1024 * 1024;
        AtomicLong written = new AtomicLong();
        backend.behave(request -> {
            request.response().setChunked(true);
            writeWhileWritable(request.response(), TestClient.bytes(CHUNK, 2), written, total);
        });
        AtomicReference<HttpClientResponse> download = new AtomicReference<>();
        AtomicLong received = new AtomicLong();
        CompletableFuture<Void> end = new CompletableFuture<>();
        h.vertx.runOnContext(v -> h.client.vertxClient().request(h.client.options(HttpMethod.GET, HOST, "/down"))
                .compose(HttpClientRequest::send).onSuccess(response -> {
                    response.pause();
                    response.handler(data -> received.addAndGet(data.length()));
                    response.endHandler(e -> end.complete(null));
                    download.set(response);
                }));

        awaitStalled(written);
        assertThat(written.get()).as("bytes the backend could write while the client read nothing")
                .isLessThan(total / 3);

        download.get().resume();
        await().atMost(Duration.ofSeconds(60)).until(end::isDone);
        assertThat(received.get()).isEqualTo(total);
    }

    /** Writes {@code total} bytes, waiting for the drain whenever the write queue is full. */
    private static void writeWhileWritable(io.vertx.core.streams.WriteStream<Buffer> out, Buffer chunk,
            AtomicLong written, long total) {
        while (written.get() < total && !out.writeQueueFull()) {
            out.write(chunk);
            written.addAndGet(chunk.length());
        }
        if (written.get() >= total) {
            out.end();
        } else {
            out.drainHandler(v -> writeWhileWritable(out, chunk, written, total));
        }
    }

    /** Waits until {@code counter} has not moved for half a second. */
    private static void awaitStalled(AtomicLong counter) {
        AtomicLong last = new AtomicLong(-1);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .during(Duration.ofMillis(500)).until(() -> last.getAndSet(counter.get()) == counter.get());
    }
}
