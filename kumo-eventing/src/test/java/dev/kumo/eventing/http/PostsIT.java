package dev.kumo.eventing.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostsIT {

    private Vertx vertx;
    private HttpServer server;
    private WebClient client;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer()
                .requestHandler(request -> request.response().end(request.method() + " " + request.host() + " "
                        + request.uri()))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        client = WebClient.create(vertx);
    }

    @AfterEach
    void stop() {
        client.close();
        vertx.close();
    }

    @Test
    void aNameUnderLocalhostIsPostedToLoopbackWithItsHostKept() throws Exception {
        URI target = URI.create("http://hello.default.localhost:" + server.actualPort() + "/a/b?x=1");

        String answer = Posts.to(client, target).send().toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS).bodyAsString();

        assertThat(answer).isEqualTo("POST hello.default.localhost:" + server.actualPort() + " /a/b?x=1");
    }

    @Test
    void otherHostsAreResolvedAsUsual() throws Exception {
        URI target = URI.create("http://127.0.0.1:" + server.actualPort());

        String answer = Posts.to(client, target).send().toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS).bodyAsString();

        assertThat(answer).isEqualTo("POST 127.0.0.1:" + server.actualPort() + " /");
        String withQuery = Posts.to(client, URI.create("http://localhost:" + server.actualPort() + "/p%20q/?a=b%26c"))
                .send().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).bodyAsString();
        assertThat(withQuery).isEqualTo("POST localhost:" + server.actualPort() + " /p%20q/?a=b%26c");
        assertThat(Posts.isLocalhostName("localhost")).isFalse();
        assertThat(Posts.isLocalhostName("a.LOCALHOST.")).isTrue();
    }

    @Test
    void theCoreClientsPostIsTheSameAsTheWebClients() throws Exception {
        HttpClient core = vertx.createHttpClient();
        try {
            for (String uri : List.of("http://hello.default.localhost:" + server.actualPort() + "/a/b?x=1",
                    "http://127.0.0.1:" + server.actualPort(), "http://localhost:" + server.actualPort()
                            + "/p%20q/?a=b%26c")) {
                URI target = URI.create(uri);
                String web = Posts.to(client, target).send().toCompletionStage().toCompletableFuture()
                        .get(10, TimeUnit.SECONDS).bodyAsString();
                String plain = core.request(Posts.plain(target).orElseThrow()).compose(request -> request.send()
                        .compose(response -> response.body())).toCompletionStage().toCompletableFuture()
                        .get(10, TimeUnit.SECONDS).toString();

                assertThat(plain).as(uri).isEqualTo(web);
            }
            assertThat(Posts.plain(URI.create("https://example.com/"))).isEmpty();
            assertThat(Posts.plain(URI.create("http://user:pw@example.com/"))).isEmpty();
            assertThat(Posts.plain(URI.create("http://[::1]:8080/"))).isEmpty();
        } finally {
            core.close();
        }
    }
}
