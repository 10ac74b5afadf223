package dev.kumo.apiserver;

import static dev.kumo.apiserver.ApiFixture.SERVICES;
import static dev.kumo.apiserver.ApiFixture.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import dev.kumo.store.StoreOptions;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WatchIT {

    private final ApiFixture api = new ApiFixture();

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void watchFromAResourceVersionStreamsLaterChangesInOrder() throws Exception {
        String rv = api.get(SERVICES).json().path("metadata").path("resourceVersion").asText();
        List<JsonNode> events = watch(SERVICES + "?watch=true&resourceVersion=" + rv, "application/json");
        api.post(SERVICES, service("hello", ""));
        api.send("PATCH", SERVICES + "/hello", "application/merge-patch+json", "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}");
        api.send("DELETE", SERVICES + "/hello", null, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() >= 3);
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("ADDED", "MODIFIED", "DELETED");
        assertThat(events.get(1).at("/object/metadata/labels/a").asText()).isEqualTo("b");
    }

    @Test
    void watchWithoutResourceVersionStartsWithCurrentObjectsAndFiltersByName() throws Exception {
        api.post(SERVICES, service("one", ""));
        api.post(SERVICES, service("two", ""));
        List<JsonNode> events = watch(SERVICES + "?watch=true&fieldSelector=metadata.name%3Dtwo", "application/json");
        await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());
        assertThat(events).hasSize(1);
        assertThat(events.get(0).at("/object/metadata/name").asText()).isEqualTo("two");
    }

    @Test
    void aNamedWatchAndTheWatchPathsNarrowToTheirObject() throws Exception {
        api.post(SERVICES, service("one", ""));
        api.post(SERVICES, service("two", ""));
        List<JsonNode> named = watch(SERVICES + "/two?watch=true", "application/json");
        List<JsonNode> path = watch("/apis/serving.knative.dev/v1/watch/namespaces/default/services/two",
                "application/json");
        List<JsonNode> all = watch("/apis/serving.knative.dev/v1/watch/namespaces/default/services",
                "application/json");
        await().atMost(Duration.ofSeconds(10)).until(() -> !named.isEmpty() && !path.isEmpty() && all.size() == 2);
        assertThat(named).singleElement().satisfies(e -> assertThat(e.at("/object/metadata/name").asText())
                .isEqualTo("two"));
        assertThat(path).singleElement().satisfies(e -> assertThat(e.at("/object/metadata/name").asText())
                .isEqualTo("two"));
        assertThat(all).extracting(e -> e.path("type").asText()).containsOnly("ADDED");
    }

    @Test
    void tableWatchesCarryOneRowTables() throws Exception {
        List<JsonNode> events = watch(SERVICES + "?watch=true",
                "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
        api.post(SERVICES, service("hello", ""));
        await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());
        assertThat(events.get(0).at("/object/kind").asText()).isEqualTo("Table");
        assertThat(events.get(0).at("/object/rows/0/cells/0").asText()).isEqualTo("hello");
    }

    @Test
    void aResourceVersionBeforeTheWindowEndsWithAnExpiredStatus() throws Exception {
        try (ApiFixture small = new ApiFixture(Optional.empty(), StoreOptions.DEFAULTS.withWatchWindowEvents(2))) {
            String first = small.post(SERVICES, service("s0", "")).json().at("/metadata/resourceVersion").asText();
            for (int i = 1; i < 5; i++) {
                small.post(SERVICES, service("s" + i, ""));
            }
            List<JsonNode> expired = watch(small, SERVICES + "?watch=true&resourceVersion=" + first,
                    "application/json");
            await().atMost(Duration.ofSeconds(10)).until(() -> !expired.isEmpty());
            assertThat(expired.get(0).path("type").asText()).isEqualTo("ERROR");
            assertThat(expired.get(0).at("/object/code").asInt()).isEqualTo(410);
            assertThat(expired.get(0).at("/object/reason").asText()).isEqualTo("Expired");
        }
    }

    @Test
    void aWatchListSendsTheCurrentObjectsThenTheInitialEventsEndBookmarkThenChanges() throws Exception {
        api.post(SERVICES, service("one", ""));
        api.post(SERVICES, service("two", ""));
        List<JsonNode> events = watch(SERVICES + "?watch=true&sendInitialEvents=true&allowWatchBookmarks=true"
                + "&resourceVersionMatch=NotOlderThan&resourceVersion=", "application/json");
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() >= 3);
        api.post(SERVICES, service("three", ""));
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() >= 4);

        assertThat(events.subList(0, 2)).extracting(e -> e.path("type").asText() + " " + e.at("/object/metadata/name")
                .asText()).containsExactlyInAnyOrder("ADDED one", "ADDED two");
        JsonNode end = events.get(2);
        assertThat(end.path("type").asText()).isEqualTo("BOOKMARK");
        assertThat(end.at("/object/metadata/annotations").path("k8s.io/initial-events-end").asText()).isEqualTo("true");
        long listedAt = Long.parseLong(end.at("/object/metadata/resourceVersion").asText());
        assertThat(events.get(3).path("type").asText()).isEqualTo("ADDED");
        assertThat(events.get(3).at("/object/metadata/name").asText()).isEqualTo("three");
        assertThat(Long.parseLong(events.get(3).at("/object/metadata/resourceVersion").asText()))
                .isGreaterThan(listedAt);
    }

    @Test
    void aWatchListWithoutWhatKubernetesRequiresBesideItIsInvalidNamingTheFields() {
        ApiFixture.Response refused = api.get(SERVICES + "?watch=true&sendInitialEvents=true");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text()).contains("resourceVersionMatch", "NotOlderThan", "allowWatchBookmarks");
    }

    @Test
    void timeoutSecondsEndsTheStream() throws Exception {
        HttpResponse<java.io.InputStream> response = api.client.send(HttpRequest.newBuilder(
                URI.create(api.base() + SERVICES + "?watch=true&timeoutSeconds=1")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (var body = response.body()) {
            assertThat(body.readAllBytes()).isEmpty();
        }
    }

    private List<JsonNode> watch(String path, String accept) throws Exception {
        return watch(api, path, accept);
    }

    private static List<JsonNode> watch(ApiFixture api, String path, String accept) throws Exception {
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        HttpResponse<java.io.InputStream> response = api.client.send(HttpRequest.newBuilder(
                URI.create(api.base() + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    events.add(Json.parseObject(line));
                }
            } catch (java.io.IOException e) {
                // The server closed the stream at the end of the test.
            }
        });
        return events;
    }
}
