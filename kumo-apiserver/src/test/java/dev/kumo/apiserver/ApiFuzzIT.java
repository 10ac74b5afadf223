package dev.kumo.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.http.ListenerLimits;
import dev.kumo.http.testing.FuzzTally;
import dev.kumo.http.testing.MalformedRequests;
import dev.kumo.http.testing.RawHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Thousands of malformed requests, raw and through an HTTP client, against a real API server: every one is
 * answered within its deadline, and none with a 5xx. Seeded: {@code -Dfuzz.seed=N} replays a run.
 */
class ApiFuzzIT {

    private static final long SEED = Long.getLong("fuzz.seed", 20261210L);
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final Duration BUDGET = Duration.ofMinutes(4);
    private static final int RAW_CASES = 1_000;
    private static final List<String> PATHS = List.of("/api/v1/namespaces", "/api/v1/namespaces/default/configmaps",
            "/api/v1/namespaces/default/secrets/fuzz", ApiFixture.SERVICES, ApiFixture.SERVICES + "/fuzz",
            "/apis", "/version", "/openapi/v3", "/api/v1/namespaces/default/configmaps/fuzz");

    private final ApiFixture api = new ApiFixture(config -> config.withLimits(
            new ListenerLimits(Duration.ofSeconds(1), Duration.ofSeconds(3))), RevisionLogs.NONE);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(DEADLINE).build();
    private final FuzzTally tally = new FuzzTally(BUDGET);

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void noMalformedRequestGoesUnansweredOrGetsA5xx() {
        System.out.println("ApiFuzzIT seed " + SEED + " (replay with -Dfuzz.seed=" + SEED + ")");
        api.post(ApiFixture.SERVICES, BadBodies.SERVICE);
        api.post(BadBodies.CONFIGMAPS, BadBodies.CONFIGMAP);
        api.post(BadBodies.SECRETS, BadBodies.SECRET);
        Random random = new Random(SEED);
        MalformedRequests raw = new MalformedRequests(random, "127.0.0.1", PATHS);
        for (int i = 0; i < RAW_CASES && tally.withinBudget(); i++) {
            MalformedRequests.Case request = raw.next();
            RawHttp.Result result = RawHttp.exchange(api.server.port(), request.bytes(), DEADLINE,
                    request.halfClose());
            tally.record(request.toString(), result.status(), result.toString());
        }
        for (BadBodies.Case request : new BadBodies(random).all()) {
            if (!tally.withinBudget()) {
                break;
            }
            tally.record(request.toString(), send(request), "");
        }
        System.out.println("ApiFuzzIT " + tally.summary());
        assertThat(tally.withinBudget()).as("the run finished within " + BUDGET).isTrue();
        assertThat(tally.cases()).isGreaterThanOrEqualTo(2_000);
        assertThat(tally.failures()).as("requests unanswered or answered 5xx (seed " + SEED + ")").isEmpty();
        assertThat(api.get("/healthz").status()).isEqualTo(200);
    }

    private int send(BadBodies.Case request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api.base() + request.path()))
                .timeout(DEADLINE).header("Content-Type", request.contentType())
                .method(request.method(), HttpRequest.BodyPublishers.ofString(request.body()));
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

}
