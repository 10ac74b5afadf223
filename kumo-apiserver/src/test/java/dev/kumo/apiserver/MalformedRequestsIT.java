package dev.kumo.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import dev.kumo.http.ListenerLimits;
import dev.kumo.http.testing.RawHttp;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reproductions: each malformed request gets a 4xx with a Kubernetes Status naming what was wrong. */
class MalformedRequestsIT {

    private static final Duration DEADLINE = Duration.ofSeconds(8);

    private final ApiFixture api = new ApiFixture(config -> config.withLimits(
            new ListenerLimits(Duration.ofSeconds(1), Duration.ofSeconds(3))), RevisionLogs.NONE);

    @AfterEach
    void close() {
        api.close();
    }

    private RawHttp.Result raw(String request, boolean halfClose) {
        return RawHttp.exchange(api.server.port(), request, DEADLINE, halfClose);
    }

    private static JsonNode status(RawHttp.Result result, int code) {
        assertThat(result.status()).as(result.toString()).isEqualTo(code);
        String text = result.text();
        try {
            JsonNode body = Json.mapper().readTree(text.substring(text.indexOf("\r\n\r\n") + 4));
            assertThat(body.path("kind").asText()).isEqualTo("Status");
            assertThat(body.path("code").asInt()).isEqualTo(code);
            return body;
        } catch (IOException e) {
            throw new AssertionError("not a Status: " + text, e);
        }
    }

    @Test
    void aBadPercentEscapeInTheQueryGets400NamingIt() {
        JsonNode status = status(raw("GET /api/v1/namespaces?a=% HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", false), 400);
        assertThat(status.path("message").asText()).contains("malformed query parameter \"%\"")
                .contains("write a literal '%' as %25");
    }

    @Test
    void aBadPercentEscapeInThePathGets400() {
        JsonNode status = status(raw("GET /api/v1/namespaces/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", false), 400);
        assertThat(status.path("message").asText()).contains("malformed path segment \"%zz\"");
    }

    @Test
    void aBadPercentEscapeInAWebSocketWatchGets400() {
        JsonNode status = status(raw("GET /api/v1/namespaces/default/configmaps?watch=true&a=% HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", false), 400);
        assertThat(status.path("message").asText()).contains("malformed query parameter \"%\"");
    }

    @Test
    void percentEncodedPathSegmentsAreDecoded() {
        api.post("/api/v1/namespaces/default/configmaps",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cm1\"}}");
        ApiFixture.Response found = api.get("/api/v1/namespaces/default/configmaps/%63m1");
        assertThat(found.status()).as(found.text()).isEqualTo(200);
        assertThat(found.json().at("/metadata/name").asText()).isEqualTo("cm1");
    }

    @Test
    void metadataOfTheWrongTypeGets400NamingTheField() {
        ApiFixture.Response response = api.post("/api/v1/namespaces/default/configmaps",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":\"x\"}");
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.json().path("message").asText())
                .contains("ConfigMap in version \"v1\" cannot be handled: metadata: wrong type");
    }

    @Test
    void aNullInsideSecretStringDataGets400NamingTheEntry() {
        ApiFixture.Response response = api.post("/api/v1/namespaces/default/secrets",
                "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\"},\"stringData\":{\"k\":null}}");
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.json().path("message").asText()).contains("stringData.k: null is not allowed here");
    }

    @Test
    void aMalformedChunkedBodyGets400WithAStatus() {
        JsonNode status = status(raw("POST /api/v1/namespaces/default/configmaps HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n", false),
                400);
        assertThat(status.path("message").asText()).startsWith("malformed request body");
    }

    @Test
    void aClientThatHalfClosesAfterItsRequestGetsItsAnswer() {
        RawHttp.Result result = raw("GET /api/v1/namespaces HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", true);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.text()).contains("NamespaceList");
    }

    @Test
    void aHeadThatNeverEndsGets408WithAStatus() {
        JsonNode status = status(raw("GET /api/v1/namespaces HTTP/1.1\r\nHost: 127.0.0.1\r\n", false), 408);
        assertThat(status.path("reason").asText()).isEqualTo("Timeout");
        assertThat(status.path("message").asText()).contains("the request head did not arrive within 1.0s");
    }

    @Test
    void aHeaderNettyCannotParseGets400WithAStatus() {
        JsonNode status = status(raw("GET /api HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header: x\r\n\r\n", false), 400);
        assertThat(status.path("message").asText()).startsWith("malformed HTTP request");
    }
}
