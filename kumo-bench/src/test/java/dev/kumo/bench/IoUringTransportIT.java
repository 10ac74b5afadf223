package dev.kumo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.incubator.channel.uring.IOUring;
import io.netty.incubator.channel.uring.IOUringEventLoopGroup;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A Vert.x built by {@link BenchVertx} on io_uring runs its event loops on io_uring and serves HTTP over it. */
class IoUringTransportIT {

    @Test
    void aVertxOnIoUringServesHttp() throws Exception {
        if (!IOUring.isAvailable()) {
            System.out.println("IoUringTransportIT skipped: io_uring unavailable here: " + IOUring.unavailabilityCause());
        }
        assumeTrue(IOUring.isAvailable(), "io_uring unavailable");
        Vertx vertx = BenchVertx.create(1, true);
        try {
            assertThat(vertx.nettyEventLoopGroup()).isInstanceOf(IOUringEventLoopGroup.class);
            HttpServer server = vertx.createHttpServer().requestHandler(request -> request.response().end("uring"))
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.actualPort() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("uring");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void epollIsTheDefault() throws Exception {
        Vertx vertx = BenchVertx.create(1, false);
        try {
            assertThat(vertx.nettyEventLoopGroup()).isNotInstanceOf(IOUringEventLoopGroup.class);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
