package dev.kumo.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.apiserver.RevisionAutoscalingView.Decision;
import dev.kumo.apiserver.RevisionAutoscalingView.State;
import dev.kumo.store.DeleteOptions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A Revision's {@code autoscaling} and {@code log} subresources, served from fake seams over real HTTP. */
class RevisionSubresourcesIT {

    private static final String REVISIONS = "/apis/serving.knative.dev/v1/namespaces/default/revisions/";

    private static final State SCALING = new State(3, 2, true, false, -12, List.of(
            new Decision(Instant.parse("2025-01-01T00:00:02.250300Z"), 1, 80, false, false, "stable want 1"),
            new Decision(Instant.parse("2025-01-01T00:00:04Z"), 3, -12, true, false,
                    "panic: 4.3 requests per instance over 6s → 3")));

    /** The autoscaler knows hello-00001 only. */
    private static final RevisionAutoscalingView VIEW = (namespace, revision) ->
            Optional.ofNullable(Map.of("default/hello-00001", SCALING).get(namespace + "/" + revision));

    @Test
    void theAutoscalingStateIsServedAsJson() {
        try (ApiFixture api = new ApiFixture(config -> config.withAutoscaling(VIEW), RevisionLogs.NONE)) {
            revision(api, "hello-00001");

            ApiFixture.Response answer = api.get(REVISIONS + "hello-00001/autoscaling");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.raw().headers().firstValue("content-type")).contains("application/json");
            assertThat(answer.json()).isEqualTo(Json.parseObject("""
                    {"desiredScale":3,"actualScale":2,"panicking":true,"activatorInPath":false,
                     "excessBurstCapacity":-12,"decisions":[
                      {"at":"2025-01-01T00:00:02.250Z","desiredScale":1,"excessBurstCapacity":80,"panicking":false,
                       "activatorInPath":false,"reason":"stable want 1"},
                      {"at":"2025-01-01T00:00:04Z","desiredScale":3,"excessBurstCapacity":-12,"panicking":true,
                       "activatorInPath":false,"reason":"panic: 4.3 requests per instance over 6s → 3"}]}
                    """));
        }
    }

    @Test
    void unknownRevisionsAndRevisionsWithoutAScalerAre404WithAReason() {
        try (ApiFixture api = new ApiFixture(config -> config.withAutoscaling(VIEW), RevisionLogs.NONE)) {
            revision(api, "idle-00001");

            ApiFixture.Response missing = api.get(REVISIONS + "nope/autoscaling");
            ApiFixture.Response unscaled = api.get(REVISIONS + "idle-00001/autoscaling");

            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().path("reason").asText()).isEqualTo("NotFound");
            assertThat(missing.json().path("message").asText())
                    .isEqualTo("revisions.serving.knative.dev \"nope\" not found");
            assertThat(unscaled.status()).isEqualTo(404);
            assertThat(unscaled.json().path("kind").asText()).isEqualTo("Status");
            assertThat(unscaled.json().path("reason").asText()).isEqualTo("NotFound");
            assertThat(unscaled.json().path("message").asText()).isEqualTo("revisions.serving.knative.dev "
                    + "\"idle-00001\" has no autoscaling state: the autoscaler is not scaling it (yet)");
            assertThat(unscaled.json().path("details").path("name").asText()).isEqualTo("idle-00001");
        }
    }

    @Test
    void withoutAnAutoscalerEveryRevisionIs404AndOnlyGetIsAllowed() {
        try (ApiFixture api = new ApiFixture()) {
            revision(api, "hello-00001");

            ApiFixture.Response answer = api.get(REVISIONS + "hello-00001/autoscaling");
            ApiFixture.Response post = api.post(REVISIONS + "hello-00001/autoscaling", "{}");

            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.json().path("message").asText()).endsWith("has no autoscaling state: this server runs "
                    + "no autoscaler (it was started without Serving)");
            assertThat(post.status()).isEqualTo(405);
            assertThat(api.get("/apis/serving.knative.dev/v1/namespaces/default/services/x/autoscaling").status())
                    .isEqualTo(404);
        }
    }

    @Test
    void theLogIsStillStreamedFromItsSeam() {
        RevisionLogs logs = (namespace, revision, tailLines, follow, sink) -> {
            sink.line(revision + " > " + namespace + "-1 | tail " + tailLines + " follow " + follow);
            sink.end();
            return () -> { };
        };
        try (ApiFixture api = new ApiFixture(config -> config, logs)) {
            revision(api, "hello-00001");

            ApiFixture.Response answer = api.get(REVISIONS + "hello-00001/log?tailLines=5");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.text()).isEqualTo("hello-00001 > default-1 | tail 5 follow false\n");
            assertThat(api.get(REVISIONS + "nope/log").status()).isEqualTo(404);
            assertThat(api.get(REVISIONS + "hello-00001/log?tailLines=x").status()).isEqualTo(400);
        }
    }

    @Test
    void theKubeletsParametersReachTheSeamAndAFollowEndsWhenTheRevisionIsDeleted() throws Exception {
        List<RevisionLogs.Options> asked = new CopyOnWriteArrayList<>();
        AtomicBoolean closed = new AtomicBoolean();
        RevisionLogs logs = new RevisionLogs() {
            @Override
            public Stream open(String namespace, String revision, int tailLines, boolean follow, Sink sink) {
                throw new AssertionError("the options are passed");
            }

            @Override
            public Stream open(String namespace, String revision, Options options, Sink sink) {
                asked.add(options);
                sink.line("a line");
                if (!options.follow()) {
                    sink.end();
                }
                return () -> closed.set(true); // a follow never ends by itself: the Revision's deletion ends it
            }
        };
        try (ApiFixture api = new ApiFixture(config -> config, logs)) {
            revision(api, "hello-00001");

            assertThat(api.get(REVISIONS + "hello-00001/log?sinceSeconds=60&timestamps=true&previous=true"
                    + "&follow=true&container=user-container").text()).isEqualTo("a line\n");
            RevisionLogs.Options options = asked.getFirst();
            assertThat(options.since()).hasValueSatisfying(since -> assertThat(since)
                    .isBetween(Instant.now().minusSeconds(70), Instant.now().minusSeconds(59)));
            assertThat(options.timestamps()).isTrue();
            assertThat(options.previous()).isTrue();
            assertThat(options.follow()).as("the runs that ended are not followed").isFalse();
            assertThat(options.container()).contains(new RevisionLogs.Container("user-container", List.of()));
            ApiFixture.Response badContainer = api.get(REVISIONS + "hello-00001/log?container=nope");
            assertThat(badContainer.status()).isEqualTo(400);
            assertThat(badContainer.json().path("message").asText()).isEqualTo("container: Invalid value: \"nope\": "
                    + "revision \"hello-00001\" has the containers [user-container]; name one of them");
            assertThat(api.get(REVISIONS + "hello-00001/log?sinceSeconds=abc").status()).isEqualTo(400);

            CompletableFuture<HttpResponse<String>> follow = api.client.sendAsync(HttpRequest.newBuilder(
                    URI.create(api.base() + REVISIONS + "hello-00001/log?follow=true")).build(),
                    HttpResponse.BodyHandlers.ofString());
            await().atMost(Duration.ofSeconds(10)).until(() -> asked.size() == 2);
            assertThat(follow).isNotDone();
            api.store.delete(ResourceTypes.REVISION, "default", "hello-00001", DeleteOptions.DEFAULT);

            assertThat(follow.get(10, TimeUnit.SECONDS).body()).isEqualTo("a line\n");
            assertThat(closed).isTrue();
        }
    }

    private static void revision(ApiFixture api, String name) {
        ObjectNode revision = Json.parseObject("""
                {"apiVersion":"serving.knative.dev/v1","kind":"Revision",
                 "metadata":{"name":"%s","namespace":"default"},
                 "spec":{"containers":[{"image":"example.com/hello"}]}}
                """.formatted(name));
        api.store.create(ResourceTypes.REVISION, revision);
    }
}
