package dev.kumo.apiserver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.errors.ApiException;
import dev.kumo.apiserver.AccessRules;
import dev.kumo.apiserver.ApiServerConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each access check's decision over request heads, through the gate that composes them. */
class AccessGateTest {

    private static final AccessGate GATE = AccessGate.of(new ApiServerConfig("127.0.0.1", 7780, 1024,
            Optional.of("s3cret"), Optional.empty()).withAccess(new AccessRules(Set.of("kumo.example.com",
                    "10.1.2.3"), Set.of("https://Dash.Example.com/"))));

    record Row(String name, String method, String path, Map<String, String> headers, int wanted) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("kubectl's Host: 127.0.0.1:PORT", "GET", "/api", headers("host", "127.0.0.1:7780"), 0),
                new Row("localhost", "GET", "/api", headers("host", "localhost:7780"), 0),
                new Row("*.localhost", "GET", "/api", headers("host", "kumo.localhost"), 0),
                new Row("127.0.0.0/8", "GET", "/api", headers("host", "127.1.2.3:7780"), 0),
                new Row("[::1]", "GET", "/api", headers("host", "[::1]:7780"), 0),
                new Row("no Host (HTTP/1.0)", "GET", "/api", Map.of("authorization", "Bearer s3cret"), 0),
                new Row("a configured name", "GET", "/api", headers("host", "KUMO.example.com:7780"), 0),
                new Row("a configured address", "GET", "/api", headers("host", "10.1.2.3:7780"), 0),
                new Row("a rebound DNS name", "GET", "/api", headers("host", "attacker.example"), 403),
                new Row("a name ending in localhost", "GET", "/api", headers("host", "evillocalhost"), 403),
                new Row("another address", "GET", "/api", headers("host", "192.168.1.5:7780"), 403),
                new Row("a web page's Origin", "GET", "/api", headers("origin", "http://attacker.example"), 403),
                new Row("Origin: null", "GET", "/api", headers("origin", "null"), 403),
                new Row("an allowed Origin", "GET", "/api", headers("origin", "https://dash.example.com"), 0),
                new Row("the server's own origin (fabric8's watch)", "GET", "/api", headers("host", "127.0.0.1:7780",
                        "origin", "https://127.0.0.1:7780"), 0),
                new Row("another port's origin", "GET", "/api", headers("host", "127.0.0.1:7780", "origin",
                        "http://127.0.0.1:3000"), 403),
                new Row("an origin without a Host", "GET", "/api", headers("origin", "https://"), 403),
                new Row("no token", "GET", "/api", Map.of("host", "127.0.0.1"), 401),
                new Row("a wrong token", "GET", "/api", Map.of("host", "127.0.0.1", "authorization",
                        "Bearer s3cre"), 401),
                new Row("another scheme", "GET", "/api", Map.of("authorization", "Basic s3cret"), 401),
                new Row("scheme in lower case (RFC 7235)", "GET", "/api", Map.of("authorization", "bearer s3cret"),
                        0),
                new Row("scheme in upper case", "GET", "/api", Map.of("authorization", "BEARER  s3cret"), 0),
                new Row("health without a token", "GET", "/healthz", Map.of("host", "127.0.0.1"), 0),
                new Row("health from a web page", "GET", "/healthz", Map.of("origin", "http://attacker.example"),
                        403),
                new Row("a POST without Content-Type", "POST", "/api/v1/namespaces", headers(), 415),
                new Row("a POST as text/plain", "POST", "/api/v1/namespaces", headers("content-type",
                        "text/plain"), 415),
                new Row("a POST as a form", "POST", "/api/v1/namespaces", headers("content-type",
                        "application/x-www-form-urlencoded"), 415),
                new Row("a POST as JSON", "POST", "/api/v1/namespaces", headers("content-type",
                        "application/json; charset=utf-8"), 0),
                new Row("a PUT as YAML", "PUT", "/api/v1/namespaces/a", headers("content-type", "application/yaml"),
                        0),
                new Row("a merge patch", "PATCH", "/api/v1/namespaces/a", headers("content-type",
                        "application/merge-patch+json"), 0),
                new Row("server-side apply", "PATCH", "/api/v1/namespaces/a", headers("content-type",
                        "application/apply-patch+yaml"), 0),
                new Row("kubectl create namespace (protobuf)", "POST", "/api/v1/namespaces", headers("content-type",
                        "application/vnd.kubernetes.protobuf"), 0),
                new Row("a DELETE without Content-Type", "DELETE", "/api/v1/namespaces/a", headers(), 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decides(Row row) {
        Optional<ApiException> refusal = GATE.refusal(new RequestHead(row.method(), row.path(), row.headers()));

        assertThat(refusal.map(ApiException::code).orElse(0)).as(refusal.map(Throwable::getMessage).orElse(""))
                .isEqualTo(row.wanted());
    }

    @Test
    void refusalsSayWhatToDo() {
        assertThat(GATE.refusal(new RequestHead("GET", "/api", headers("host", "attacker.example"))).orElseThrow()
                .getMessage()).contains("\"attacker.example\"", "connect to 127.0.0.1 or localhost");
        assertThat(GATE.refusal(new RequestHead("GET", "/api", headers("origin", "http://a.example")))
                .orElseThrow().getMessage()).contains("\"http://a.example\"", "--allowed-origin");
        assertThat(GATE.refusal(new RequestHead("POST", "/api/v1/namespaces", headers("content-type",
                "text/plain"))).orElseThrow().getMessage()).contains("application/json", "(got \"text/plain\")");
    }

    @Test
    void withoutATokenOnlyHostOriginAndMediaTypeAreChecked() {
        AccessGate open = AccessGate.of(ApiServerConfig.loopback(0));

        assertThat(open.refusal(new RequestHead("GET", "/api", Map.of("host", "127.0.0.1:1")))).isEmpty();
        assertThat(open.refusal(new RequestHead("GET", "/api", Map.of("host", "attacker.example")))).isPresent();
        assertThat(open.refusal(new RequestHead("POST", "/api/v1/namespaces", Map.of()))).isPresent();
    }

    @Test
    void theBoundAddressIsAnAcceptedHost() {
        AccessGate bound = AccessGate.of(new ApiServerConfig("192.168.7.9", 0, 1024, Optional.empty(),
                Optional.empty()));

        assertThat(bound.refusal(new RequestHead("GET", "/api", Map.of("host", "192.168.7.9:7780")))).isEmpty();
        assertThat(bound.refusal(new RequestHead("GET", "/api", Map.of("host", "192.168.7.10:7780")))).isPresent();
    }

    /** The given headers plus the token, so that each row exercises one check. */
    private static Map<String, String> headers(String... pairs) {
        Map<String, String> headers = new HashMap<>(Map.of("authorization", "Bearer s3cret"));
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            headers.put(pairs[i], pairs[i + 1]);
        }
        return headers;
    }
}
