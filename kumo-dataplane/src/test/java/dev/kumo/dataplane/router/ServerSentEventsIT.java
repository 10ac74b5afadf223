package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.RouterHarness.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RouteTable;
import io.vertx.core.http.HttpServerRequest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Server-sent events and long polling through the router: each event reaches the client while the stream is still
 * open (nothing waits for the end), and a held request's late answer comes through as soon as it is given.
 */
class ServerSentEventsIT {

    private static final RevisionId EVENTS = revision("events-00001");
    private static final String HOST = "events.default.localhost";

    private final RouterHarness h = new RouterHarness(RouterHarness.CONFIG.withH2c(true));
    private final HttpClient jdk = HttpClient.newHttpClient();
    private final AtomicReference<HttpServerRequest> open = new AtomicReference<>();
    private Backend backend;
    private int port;

    @BeforeEach
    void start() {
        backend = h.backend("events");
        h.ready(EVENTS, backend);
        h.router.update(RouteTable.builder().host(HOST, EVENTS).build());
        port = h.router.listen(HOST, 0);
    }

    @AfterEach
    void stop() {
        jdk.close();
        h.close();
    }

    @Test
    void eachEventArrivesBeforeTheStreamEnds() throws Exception {
        backend.behave(request -> {
            open.set(request);
            request.response().setChunked(true).putHeader("Content-Type", "text/event-stream")
                    .write("id: 1\ndata: first\n\n");
        });

        HttpResponse<InputStream> response = jdk.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/events")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));

        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        assertThat(events.readLine()).isEqualTo("id: 1"); // the backend has not ended: only streaming gets here
        assertThat(events.readLine()).isEqualTo("data: first");
        assertThat(open.get().response().ended()).isFalse();

        open.get().response().write("id: 2\ndata: second\n\n");
        assertThat(events.readLine()).isEmpty();
        assertThat(events.readLine()).isEqualTo("id: 2");
        assertThat(events.readLine()).isEqualTo("data: second");

        open.get().response().end();
        assertThat(events.readLine()).isEmpty();
        assertThat(events.readLine()).isNull();
    }

    @Test
    void aLongPollIsAnsweredAsSoonAsTheWorkloadAnswers() throws Exception {
        backend.behave(open::set); // holds the request until the test answers it

        CompletableFuture<HttpResponse<String>> poll = jdk.sendAsync(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/poll")).build(), HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).until(() -> open.get() != null);
        assertThat(poll).isNotDone();
        assertThat(h.router.inFlight(EVENTS, backend.address())).isEqualTo(1);

        backend.finish(open.get(), "news");

        HttpResponse<String> answer = poll.get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("news");
    }
}
