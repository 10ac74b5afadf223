package dev.kumo.runtime.podman;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.nio.file.Path;

/** A podman stand-in on a real unix socket, answering as the test's handler says, and a client of it. */
final class FakePodman implements AutoCloseable {

    private final Vertx vertx;
    private final PodmanClient client;

    private FakePodman(Vertx vertx, PodmanClient client) {
        this.vertx = vertx;
        this.client = client;
    }

    /** Listens on {@code dir/podman.sock} with {@code answers}. */
    static FakePodman start(Path dir, Handler<HttpServerRequest> answers) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        if (!vertx.isNativeTransportEnabled()) {
            throw new AssertionError("epoll is needed for unix sockets", vertx.unavailableNativeTransportCause());
        }
        Path socket = dir.resolve("podman.sock");
        vertx.createHttpServer().requestHandler(answers).listen(SocketAddress.domainSocketAddress(socket.toString()))
                .toCompletionStage().toCompletableFuture().join();
        return new FakePodman(vertx, new PodmanClient(vertx, socket));
    }

    PodmanClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
