package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.RouterHarness.revision;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RouteTable;
import dev.kumo.http.ListenerLimits;
import dev.kumo.http.testing.FuzzTally;
import dev.kumo.http.testing.MalformedRequests;
import dev.kumo.http.testing.RawHttp;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Thousands of malformed or odd requests, raw and through an HTTP client, against a real router in front of a
 * healthy instance: every one is answered within its deadline, and none with a 5xx. Seeded: {@code -Dfuzz.seed=N}.
 */
class RouterFuzzIT {

    private static final long SEED = Long.getLong("fuzz.seed", 20261210L);
    private static final Duration DEADLINE = Duration.ofSeconds(6);
    private static final Duration BUDGET = Duration.ofMinutes(4);
    private static final RevisionId HELLO = revision("hello-00001");
    private static final String HOST = "hello.default.localhost";
    private static final List<String> PATHS = List.of("/", "/a/b", "/x?y=z", "/%41", "/long/" + "p".repeat(300));
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS",
            "PROPFIND", "BREW");

    private final RouterHarness h = new RouterHarness(RouterHarness.CONFIG.withLimits(
            new ListenerLimits(Duration.ofSeconds(1), Duration.ofSeconds(3))));
    private final FuzzTally tally = new FuzzTally(BUDGET);
    /** A connection per case: one case's broken exchange must not decide the next one's fate. */
    private final HttpClient client = h.vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void noMalformedRequestGoesUnansweredOrGetsA5xx() {
        System.out.println("RouterFuzzIT seed " + SEED + " (replay with -Dfuzz.seed=" + SEED + ")");
        h.ready(HELLO, h.backend("v1"));
        h.router.update(RouteTable.builder().host(HOST, HELLO).build());
        Random random = new Random(SEED);
        MalformedRequests raw = new MalformedRequests(random, HOST, PATHS);
        for (int i = 0; i < 1_000 && tally.withinBudget(); i++) {
            MalformedRequests.Case request = raw.next();
            RawHttp.Result result = RawHttp.exchange(h.router.port(), request.bytes(), DEADLINE, request.halfClose());
            tally.record(request.toString(), result.status(), result.toString());
        }
        for (int i = 0; i < 400 && tally.withinBudget(); i++) {
            String host = oddHost(random);
            String request = "GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
            RawHttp.Result result = RawHttp.exchange(h.router.port(), request, DEADLINE, false);
            tally.record("odd Host " + host, result.status(), result.toString());
        }
        for (int i = 0; i < 800 && tally.withinBudget(); i++) {
            clientCase(random);
        }
        System.out.println("RouterFuzzIT " + tally.summary());
        assertThat(tally.withinBudget()).as("the run finished within " + BUDGET).isTrue();
        assertThat(tally.cases()).isGreaterThanOrEqualTo(2_000);
        assertThat(tally.failures()).as("requests unanswered or answered 5xx (seed " + SEED + ")").isEmpty();
        assertThat(h.client.get(HOST).status()).isEqualTo(200);
    }

    /** A request through Vert.x's client: any method, odd headers, a body of any size, chunked or not. */
    private void clientCase(Random random) {
        String method = METHODS.get(random.nextInt(METHODS.size()));
        String uri = PATHS.get(random.nextInt(PATHS.size())) + (random.nextBoolean() ? "" : "?q=" + token(random, 8));
        RequestOptions options = h.client.options(HttpMethod.valueOf(method), random.nextInt(10) == 0
                ? oddHost(random) : HOST, uri).setTimeout(DEADLINE.toMillis());
        for (int headers = random.nextInt(6); headers > 0; headers--) {
            options.putHeader("X-" + token(random, 1 + random.nextInt(20)), printable(random, random.nextInt(200)));
        }
        if (random.nextInt(8) == 0) {
            options.putHeader("Expect", "100-continue");
        }
        int size = random.nextInt(4) == 0 ? random.nextInt(256 * 1024) : random.nextInt(64);
        boolean chunked = random.nextBoolean();
        String description = method + " " + uri + " " + options.getHeaders() + " body " + size
                + (chunked ? " chunked" : "");
        int status;
        try {
            status = TestClient.await(client.request(options).compose(request -> TestClient.answer(request,
                    sending -> {
                        sending.setChunked(chunked);
                        if (method.equals("HEAD") || method.equals("GET") && size == 0) {
                            sending.end();
                        } else {
                            sending.end(TestClient.bytes(size, size));
                        }
                    })).map(TestClient.Answer::status));
        } catch (IllegalStateException e) {
            status = -1;
            description += " → " + e.getMessage();
        }
        tally.record(description, status, "");
    }

    private static String oddHost(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> token(random, 1 + random.nextInt(60)) + ".default.localhost";
            case 2 -> HOST.toUpperCase() + ":" + random.nextInt(70000);
            case 3 -> "[::1]:" + random.nextInt(9999);
            case 4 -> HOST + ".";
            case 5 -> "x".repeat(300 + random.nextInt(3000));
            case 6 -> "h\u00e9llo.default.localhost";
            default -> printable(random, 1 + random.nextInt(40));
        };
    }

    private static String token(Random random, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String printable(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (0x20 + random.nextInt(0x5f)));
        }
        return text.toString();
    }
}
