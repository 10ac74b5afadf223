package dev.kumo.runtime.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls {@code grpc.health.v1.Health/Check} on 127.0.0.1 over cleartext HTTP/2 (prior knowledge, as gRPC does
 * without TLS), with Vert.x's HTTP/2 client: a connection to a port is kept for a second of idleness at most. The
 * Vert.x instance is the caller's, or one of its own made on the first check and closed with this client.
 */
public final class GrpcHealthClient implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";

    private final Optional<Vertx> borrowed;
    private Vertx vertx; // guarded by this
    private HttpClient client; // guarded by this
    private boolean closed; // guarded by this

    private GrpcHealthClient(Optional<Vertx> borrowed) {
        this.borrowed = borrowed;
    }

    /** A client over the caller's Vert.x, which {@link #close()} leaves open. */
    public static GrpcHealthClient over(Vertx vertx) {
        return new GrpcHealthClient(Optional.of(vertx));
    }

    /** A client with a Vert.x of its own (one event loop), made on the first check only. */
    public static GrpcHealthClient ofItsOwn() {
        return new GrpcHealthClient(Optional.empty());
    }

    /**
     * Checks {@code service} (empty: the server as a whole) at 127.0.0.1:{@code port} within {@code timeout}:
     * empty when it answered SERVING, else why not (see {@link GrpcHealth#result}). Blocks; call it off event loops.
     */
    public Optional<String> check(int port, Optional<String> service, Duration timeout) {
        long timeoutMillis = Math.max(1, timeout.toMillis());
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost(LOOPBACK).setPort(port)
                .setURI(GrpcHealth.PATH).setConnectTimeout(timeoutMillis).setTimeout(timeoutMillis)
                .putHeader("content-type", "application/grpc").putHeader("te", "trailers")
                .putHeader("grpc-timeout", timeoutMillis + "m").putHeader("user-agent", "kube-probe/kumo");
        Buffer body = Buffer.buffer(GrpcHealth.request(service.orElse("")));
        // The answer's body asked for before the call is ended: asked for after send(body) returned, on this thread
        // (outside Vert.x), a fast server's body could arrive first and be dropped (as SubscriberClient met).
        Future<GrpcHealth.Answer> answer = client().request(request).compose(call -> {
            Future<GrpcHealth.Answer> answered = call.response()
                    .compose(response -> response.body().map(bytes -> answer(response, bytes)));
            call.end(body);
            return answered;
        });
        try {
            return GrpcHealth.result(answer.toCompletionStage().toCompletableFuture()
                    .get(timeoutMillis + 50, TimeUnit.MILLISECONDS), timeoutMillis);
        } catch (TimeoutException e) {
            return Optional.of("timeout: health rpc did not complete within " + timeoutMillis + "ms");
        } catch (ExecutionException e) {
            return Optional.of(failure(e.getCause(), port, timeoutMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("the gRPC health check was interrupted");
        }
    }

    private static GrpcHealth.Answer answer(HttpClientResponse response, Buffer bytes) {
        // A trailers-only answer (an error before any message) carries grpc-status among the headers.
        Optional<String> status = Optional.ofNullable(response.trailers().get("grpc-status"))
                .or(() -> Optional.ofNullable(response.headers().get("grpc-status")));
        Optional<String> message = Optional.ofNullable(response.trailers().get("grpc-message"))
                .or(() -> Optional.ofNullable(response.headers().get("grpc-message")));
        return new GrpcHealth.Answer(response.statusCode(), status, message, bytes.getBytes());
    }

    private static String failure(Throwable cause, int port, long timeoutMillis) {
        if (cause instanceof ConnectException || cause instanceof io.netty.channel.ConnectTimeoutException) {
            return "timeout: failed to connect service \"" + LOOPBACK + ":" + port + "\" within " + timeoutMillis
                    + "ms: " + cause.getMessage();
        }
        if (cause instanceof TimeoutException) { // Vert.x's request timeout
            return "timeout: health rpc did not complete within " + timeoutMillis + "ms";
        }
        return "error: health rpc probe failed: " + cause;
    }

    private synchronized HttpClient client() {
        if (closed) {
            throw new IllegalStateException("the gRPC health client is closed");
        }
        if (client == null) {
            vertx = borrowed.orElseGet(() -> Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1)
                    .setWorkerPoolSize(1).setInternalBlockingPoolSize(1)));
            // One connection per port, closed after a second without a check: probes of a live instance reuse it,
            // a replaced instance's is gone (the kernel reset it) before the next check would use it.
            client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                    .setHttp2ClearTextUpgrade(false).setHttp2KeepAliveTimeout(1)
                    .setTcpNoDelay(true), new PoolOptions().setHttp2MaxSize(1));
        }
        return client;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) {
            client.close();
        }
        if (vertx != null && borrowed.isEmpty()) {
            vertx.close();
        }
    }
}
