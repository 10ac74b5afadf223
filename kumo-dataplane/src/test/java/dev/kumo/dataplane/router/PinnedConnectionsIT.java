package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.RouterHarness.revision;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RouteTable;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An HTTP/1.1 client connection's requests reuse one instance connection pinned to it (issue #16). */
class PinnedConnectionsIT {

    private static final RevisionId REVISION = revision("hello-00001");
    private static final String HOST = "hello.default.localhost";

    private RouterHarness h;
    private Backend backend;

    @BeforeEach
    void start() {
        // One event loop: with the pool, the second client would lease the first one's idle connection.
        h = new RouterHarness(RouterHarness.CONFIG.withEventLoops(1));
        backend = h.backend("v1").behave(request -> request.response()
                .putHeader("X-Peer-Port", Integer.toString(request.remoteAddress().port())).end("ok"));
        h.ready(REVISION, backend);
        h.router.update(RouteTable.builder().host(HOST, REVISION).build());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aClientConnectionsRequestsGoOutOnOneInstanceConnectionAndAnotherClientGetsItsOwn() {
        HttpClient first = oneConnection();
        Set<String> firstPorts = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            TestClient.Answer answer = get(first);
            assertThat(answer.status()).isEqualTo(200);
            firstPorts.add(answer.headers().get("X-Peer-Port"));
        }
        String secondPort = get(oneConnection()).headers().get("X-Peer-Port");

        assertThat(firstPorts).hasSize(1);
        assertThat(secondPort).isNotIn(firstPorts);
    }

    @Test
    void anInstanceClosingItsConnectionAfterEachAnswerIsReconnectedWithoutErrors() {
        backend.behave(request -> request.response().putHeader("Connection", "close").end("ok"));
        HttpClient client = oneConnection();

        for (int i = 0; i < 5; i++) {
            assertThat(get(client).status()).isEqualTo(200);
        }
        assertThat(backend.requests).hasValue(5);
    }

    @Test
    void aConnectionResetMidRequestAnswers502AndTheNextRequestGoesOutOnAFreshConnection() {
        AtomicInteger seen = new AtomicInteger();
        backend.behave(request -> {
            if (seen.incrementAndGet() == 2) {
                request.connection().close();
            } else {
                request.response().putHeader("X-Peer-Port", Integer.toString(request.remoteAddress().port()))
                        .end("ok");
            }
        });
        HttpClient client = oneConnection();

        TestClient.Answer before = get(client);
        assertThat(get(client).status()).isEqualTo(502);
        TestClient.Answer after = get(client);

        assertThat(before.status()).isEqualTo(200);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.headers().get("X-Peer-Port")).isNotEqualTo(before.headers().get("X-Peer-Port"));
    }

    /** A client that keeps a single keep-alive connection to the router. */
    private HttpClient oneConnection() {
        return h.vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(1));
    }

    private TestClient.Answer get(HttpClient client) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
                .setPort(h.router.port()).setURI("/").putHeader("Host", HOST);
        return TestClient.await(client.request(options).compose(request -> request.send()
                .compose(response -> response.body().map(body -> new TestClient.Answer(response.statusCode(),
                        response.headers(), body.toString())))));
    }
}
