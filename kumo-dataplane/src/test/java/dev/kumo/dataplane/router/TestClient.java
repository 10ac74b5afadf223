package dev.kumo.dataplane.router;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A client that talks to the router with any Host header and waits for whole (small) answers. */
final class TestClient {

    /** A whole answer. */
    record Answer(int status, MultiMap headers, String body) {
        String backend() {
            return headers.get("X-Backend");
        }
    }

    private final HttpClient client;
    private final int port;

    TestClient(Vertx vertx, int port) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(100));
        this.port = port;
    }

    HttpClient vertxClient() {
        return client;
    }

    RequestOptions options(HttpMethod method, String host, String uri) {
        return new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(uri)
                .putHeader("Host", host);
    }

    Future<Answer> send(RequestOptions options) {
        return client.request(options).compose(request -> answer(request, HttpClientRequest::end));
    }

    /**
     * The whole answer to {@code request}, which {@code send} sends once the body's handler is set: Vert.x drops the
     * body bytes that arrive before it, which a fast answer and a test thread registering late would race.
     */
    static Future<Answer> answer(HttpClientRequest request, Consumer<HttpClientRequest> send) {
        Future<Answer> answer = request.response().compose(response -> response.body()
                .map(body -> new Answer(response.statusCode(), response.headers(), body.toString())));
        send.accept(request);
        return answer;
    }

    Answer get(String host) {
        return get(host, "/");
    }

    Answer get(String host, String uri) {
        return await(send(options(HttpMethod.GET, host, uri)));
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Buffer bytes(int size, int seed) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i * 31 + seed);
        }
        return Buffer.buffer(data);
    }
}
