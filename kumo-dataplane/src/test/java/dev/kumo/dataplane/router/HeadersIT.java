package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.RouterHarness.revision;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RouteTable;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HeadersIT {

    private static final RevisionId V1 = revision("hello-00001");

    private RouterHarness h;
    private Backend backend;

    @BeforeEach
    void start() {
        h = new RouterHarness();
        backend = h.backend("v1");
        h.ready(V1, backend);
        h.router.update(RouteTable.builder().host("hello.default.localhost", V1).build());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void requestHeadersAreForwardedWithoutHopByHopOnes() {
        TestClient.Answer answer = TestClient.await(h.client.send(h.client
                .options(HttpMethod.POST, "Hello.default.localhost:8080", "/path?q=1")
                .putHeader("X-Custom", "kept").putHeader("Connection", "keep-alive, X-Drop-Me")
                .putHeader("X-Drop-Me", "1").putHeader("Keep-Alive", "timeout=5")
                .putHeader("Proxy-Authorization", "secret").putHeader("TE", "trailers")
                .putHeader("Trailer", "X-T").putHeader("Upgrade", "foo")
                .putHeader("Forwarded", "for=10.0.0.1").putHeader("X-Forwarded-For", "10.0.0.1")
                .putHeader("X-Forwarded-Proto", "https").putHeader("Content-Length", "0")));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().lines()).contains(
                "host: Hello.default.localhost:8080",
                "x-custom: kept",
                "content-length: 0",
                "forwarded: for=10.0.0.1, for=127.0.0.1;host=\"Hello.default.localhost:8080\";proto=http",
                "x-forwarded-for: 10.0.0.1, 127.0.0.1",
                "x-forwarded-proto: http",
                "x-forwarded-host: Hello.default.localhost:8080");
        assertThat(answer.body().lines().map(line -> line.substring(0, line.indexOf(':'))))
                .doesNotContain("x-drop-me", "keep-alive", "proxy-authorization", "te", "trailer", "upgrade")
                .doesNotHaveDuplicates();
    }

    @Test
    void forwardingHeadersAreAddedWhenTheClientSentNone() {
        TestClient.Answer answer = h.client.get("hello.default.localhost");

        assertThat(answer.body().lines()).contains(
                "forwarded: for=127.0.0.1;host=hello.default.localhost;proto=http",
                "x-forwarded-for: 127.0.0.1");
    }

    @Test
    void responseHeadersAreForwardedWithoutHopByHopOnes() {
        backend.behave(request -> request.response().putHeader("X-Answer", "42").putHeader("Proxy-Foo", "x")
                .putHeader("Upgrade", "foo").putHeader("Keep-Alive", "timeout=9").setStatusCode(201).end("made"));

        TestClient.Answer answer = h.client.get("hello.default.localhost");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body()).isEqualTo("made");
        assertThat(answer.headers().get("X-Answer")).isEqualTo("42");
        assertThat(answer.headers().names()).doesNotContain("Proxy-Foo", "Upgrade", "Keep-Alive");
    }
}
