package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.RouterHarness.revision;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RevisionSettings;
import dev.kumo.dataplane.api.RouteTable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP/2 without TLS into the router, with curl as the client: prior knowledge and the HTTP/1.1 Upgrade, routed by
 * {@code :authority}; to an HTTP/1.1 workload and to one whose port is named h2c.
 */
class H2cIngressIT {

    private static final RevisionId HELLO = revision("hello-00001");
    private static final RevisionId GRPCISH = revision("h2-00001");
    private static final String HOST = "hello.default.localhost";
    private static final String H2_HOST = "h2.default.localhost";
    /** curl's summary line after the body: the protocol version it spoke and the status. */
    private static final String SUMMARY = "\nversion=%{http_version} status=%{http_code}";

    private final RouterHarness h = new RouterHarness(RouterHarness.CONFIG.withH2c(true));

    @BeforeEach
    void start() {
        h.ready(HELLO, h.backend("v1"));
        h.ready(GRPCISH, h.backend("h2").behave(request -> request.response()
                .end("backend spoke " + request.version() + " for " + request.authority() + "\n")));
        h.router.update(RouteTable.builder().host(HOST, HELLO).host(H2_HOST, GRPCISH)
                .revision(GRPCISH, new RevisionSettings(300, 0, true)).build());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private String url(String host) {
        return "http://" + host + ":" + h.router.port() + "/path?q=1";
    }

    private String resolve(String host) {
        return host + ":" + h.router.port() + ":127.0.0.1";
    }

    @Test
    void priorKnowledgeIsRoutedByAuthorityToAnHttp1Workload() {
        String out = Curl.run("--http2-prior-knowledge", "--resolve", resolve(HOST), "-w", SUMMARY, url(HOST));

        assertThat(out).contains("version=2 status=200");
        assertThat(out).contains("host: " + HOST + ":" + h.router.port()); // the workload sees the client's host
        assertThat(out).contains("x-forwarded-host: " + HOST);
        assertThat(out).doesNotContain(":method").doesNotContain(":authority");
    }

    @Test
    void anUpgradeToH2cIsRoutedByAuthority() {
        String out = Curl.run("--http2", "--resolve", resolve(HOST), "-w", SUMMARY, url(HOST));

        assertThat(out).contains("version=2 status=200");
        assertThat(out).contains("host: " + HOST);
    }

    @Test
    void theJdkClientsUpgradeWithAHostHeaderIsRoutedByThatHost() throws Exception {
        // The JDK client asks for h2c by Upgrade on its first request, carrying the Host header it was given.
        HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h.router.port() + "/path?q=1"))
                .header("Host", HOST).timeout(Duration.ofSeconds(10)).GET().build();

        for (int i = 0; i < 3; i++) { // the upgrading request, then requests as streams of the upgraded connection
            HttpResponse<String> response = jdk.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("host: " + HOST).contains("x-forwarded-host: " + HOST);
        }
    }

    @Test
    void aBodyPostedOverHttp2ReachesAnHttp1Workload() {
        h.ready(HELLO, h.backend("echo").behave(request -> request.body().onSuccess(body -> request.response()
                .end("got " + body.length() + " bytes: " + body))));

        String out = Curl.run("--http2-prior-knowledge", "--resolve", resolve(HOST), "-w", SUMMARY,
                "--data-binary", "hello over h2", url(HOST));

        assertThat(out).contains("got 13 bytes: hello over h2").contains("version=2 status=200");
    }

    @Test
    void aWorkloadWhosePortIsNamedH2cIsSpokenToOverHttp2() {
        String out = Curl.run("--http2-prior-knowledge", "--resolve", resolve(H2_HOST), "-w", SUMMARY, url(H2_HOST));

        assertThat(out).contains("backend spoke HTTP_2 for " + H2_HOST + ":" + h.router.port())
                .contains("version=2 status=200");
    }

    @Test
    void aBodyPostedOverHttp2ReachesAnH2cWorkload() {
        h.ready(GRPCISH, h.backend("h2echo").behave(request -> request.body().onSuccess(body -> request.response()
                .end(request.version() + " got " + body.length() + " bytes: " + body))));

        String out = Curl.run("--http2-prior-knowledge", "--resolve", resolve(H2_HOST), "-w", SUMMARY,
                "--data-binary", "hello over h2", url(H2_HOST));

        assertThat(out).contains("HTTP_2 got 13 bytes: hello over h2").contains("version=2 status=200");
    }

    @Test
    void anHttp1ClientReachesAnH2cWorkloadToo() {
        String out = Curl.run("--http1.1", "--resolve", resolve(H2_HOST), "-w", SUMMARY, url(H2_HOST));

        assertThat(out).contains("backend spoke HTTP_2 for " + H2_HOST).contains("version=1.1 status=200");
    }

    @Test
    void anUnknownAuthorityGets404NamingIt() {
        String out = Curl.run("--http2-prior-knowledge", "--resolve", resolve("nope.default.localhost"), "-w",
                SUMMARY, url("nope.default.localhost"));

        assertThat(out).contains("nope.default.localhost").contains("version=2 status=404");
    }
}
