package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.RouterHarness.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RouteTable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A route's own loopback address (Kumo's ClusterIP), reached by a plain HTTP client that sends {@code Host:
 * 127.0.0.1:PORT}: the port asked for when it is free, another when anything listens there, closed on request.
 */
class RouteAddressesIT {

    private static final RevisionId V1 = revision("hello-00001");
    private static final RevisionId OTHER = revision("other-00001");

    private final HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private RouterHarness h;

    @BeforeEach
    void start() {
        h = new RouterHarness();
        h.ready(V1, h.backend("hello"));
        h.ready(OTHER, h.backend("other"));
        h.router.update(RouteTable.builder().host("hello.default.localhost", V1)
                .host("other.default.localhost", OTHER).build());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void anAddressTakesItsRouteWhateverTheHostSays() throws Exception {
        int port = h.router.listen("Hello.Default.localhost", 0);

        assertThat(port).isNotEqualTo(h.router.port());
        assertThat(get(port).headers().firstValue("X-Backend")).contains("hello");
        assertThat(new TestClient(h.vertx, port).get("other.default.localhost").backend())
                .as("another route's Host at the address").isEqualTo("hello");
        assertThat(h.client.get("other.default.localhost").backend()).as("the ingress still routes by Host")
                .isEqualTo("other");
    }

    @Test
    void aFreePreferredPortIsTheAddress() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }

        assertThat(h.router.listen("hello.default.localhost", free)).isEqualTo(free);
        assertThat(get(free).statusCode()).isEqualTo(200);
    }

    @Test
    void aPreferredPortSomethingListensOnGivesAnotherOne() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));

            int port = h.router.listen("hello.default.localhost", taken.getLocalPort());

            assertThat(port).isNotEqualTo(taken.getLocalPort());
            assertThat(get(port).headers().firstValue("X-Backend")).contains("hello");
        }
        int other = h.router.listen("other.default.localhost", h.router.port());
        assertThat(other).as("never the ingress port, which Vert.x would share").isNotEqualTo(h.router.port());
        int again = h.router.listen("other.default.localhost", other);
        assertThat(again).as("another route's address is taken too").isNotEqualTo(other);
        assertThat(h.client.get("hello.default.localhost").backend()).isEqualTo("hello");
    }

    @Test
    void anAddressWithoutARouteAnswers404AndAClosedOneRefusesConnections() throws Exception {
        int port = h.router.listen("gone.default.localhost", 0);
        assertThat(get(port).statusCode()).isEqualTo(404);

        h.router.unlisten(port);

        assertThatThrownBy(() -> get(port)).isInstanceOf(ConnectException.class);
    }

    /** A plain client's GET of the address: {@code Host: 127.0.0.1:PORT}. */
    private HttpResponse<String> get(int port) throws IOException, InterruptedException {
        return plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
