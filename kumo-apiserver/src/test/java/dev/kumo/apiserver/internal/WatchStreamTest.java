package dev.kumo.apiserver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceStore;
import dev.kumo.store.WatchOptions;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WatchStreamTest {

    private static final Duration OFTEN = Duration.ofMillis(50);

    private final ResourceStore store = InMemoryStore.create();
    private final Lines lines = new Lines();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aResumedWatchAllowingBookmarksGetsTheLastSentVersionAfterItsEvents() {
        long since = store.resourceVersion();
        LineStream.Handle handle = stream(Optional.of(since), Optional.of(OFTEN)).start(lines);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.ofType("BOOKMARK").size() >= 1);
            assertThat(lines.ofType("BOOKMARK").getFirst().at("/object/metadata/resourceVersion").asText())
                    .isEqualTo(Long.toString(since));
            assertThat(lines.ofType("BOOKMARK").getFirst().at("/object/kind").asText()).isEqualTo("ConfigMap");

            String created = store.create(ResourceTypes.CONFIGMAP, configMap("one")).at("/metadata/resourceVersion")
                    .asText();
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.all().stream().dropWhile(
                    l -> !l.path("type").asText().equals("ADDED")).anyMatch(l -> l.path("type").asText()
                    .equals("BOOKMARK")));
            List<JsonNode> afterAdded = lines.all().stream().dropWhile(l -> !l.path("type").asText().equals("ADDED"))
                    .toList();
            assertThat(afterAdded.get(1).at("/object/metadata/resourceVersion").asText()).isEqualTo(created);
        } finally {
            handle.close();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.ended);
    }

    @Test
    void noBookmarksWithoutAResourceVersionOrUnlessAllowed() {
        store.create(ResourceTypes.CONFIGMAP, configMap("one"));
        LineStream.Handle fromNow = stream(Optional.empty(), Optional.of(OFTEN)).start(lines);
        Lines notAllowed = new Lines();
        LineStream.Handle resumed = stream(Optional.of(0L), Optional.empty()).start(notAllowed);
        store.create(ResourceTypes.CONFIGMAP, configMap("two"));
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.all().size() == 2 && notAllowed.all().size() == 2);
        // Ten bookmark periods pass: neither watch gets one.
        await().pollDelay(OFTEN.multipliedBy(10)).until(() -> true);
        assertThat(lines.all()).extracting(l -> l.path("type").asText()).containsExactly("ADDED", "ADDED");
        assertThat(notAllowed.all()).extracting(l -> l.path("type").asText()).containsExactly("ADDED", "ADDED");
        fromNow.close();
        resumed.close();
    }

    @Test
    void aWatchTheStoreEndsStopsItsBookmarksThoughTheConnectionStaysOpen() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Context context = vertx.getOrCreateContext();
            WatchStream watch = stream(Optional.of(store.resourceVersion()), Optional.of(OFTEN));
            AtomicInteger sent = new AtomicInteger();
            AtomicBoolean ended = new AtomicBoolean();
            // What the watch hands the transport, counted: a bookmark thread left running keeps calling it.
            LineStream counted = new LineStream() {
                @Override
                public String contentType() {
                    return watch.contentType();
                }

                @Override
                public Optional<Duration> timeout() {
                    return watch.timeout();
                }

                @Override
                public Handle start(Sink sink) {
                    return watch.start(new Sink() {
                        @Override
                        public void line(String line) {
                            sent.incrementAndGet();
                            sink.line(line);
                        }

                        @Override
                        public void end() {
                            sink.end();
                        }
                    });
                }

                @Override
                public String failureLine(dev.kumo.api.errors.ApiException e) {
                    return watch.failureLine(e);
                }
            };
            // As the chunked transport: the response ends, the connection (kept alive) is not closed.
            CompletableFuture<LineStream.Handle> started = new CompletableFuture<>();
            context.runOnContext(v -> started.complete(ContextSink.start(counted, context, ended, lines::line,
                    lines::end)));
            started.get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.ofType("BOOKMARK").size() >= 1);

            store.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.ended);
            int atEnd = sent.get();
            // Ten bookmark periods pass: no bookmark is made after the end (each would be one more line).
            await().pollDelay(OFTEN.multipliedBy(10)).until(() -> true);
            assertThat(sent.get()).as("lines made after the watch ended").isLessThanOrEqualTo(atEnd + 1);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private WatchStream stream(Optional<Long> since, Optional<Duration> bookmarks) {
        return new WatchStream(store, ResourceTypes.CONFIGMAP, new WatchOptions(new ListOptions(Optional.of("default"),
                dev.kumo.api.meta.LabelSelector.EVERYTHING, Optional.empty(), List.of()), since), Function.identity(),
                Optional.empty(), bookmarks);
    }

    private static ObjectNode configMap(String name) {
        ObjectNode object = Json.object().put("apiVersion", "v1").put("kind", "ConfigMap");
        object.putObject("metadata").put("name", name).put("namespace", "default");
        return object;
    }

    /** The lines a stream sent, parsed. */
    private static final class Lines implements LineStream.Sink {

        private final List<JsonNode> lines = new CopyOnWriteArrayList<>();
        private volatile boolean ended;

        @Override
        public void line(String line) {
            lines.add(Json.parseObject(line));
        }

        @Override
        public void end() {
            ended = true;
        }

        List<JsonNode> all() {
            return List.copyOf(lines);
        }

        List<JsonNode> ofType(String type) {
            return lines.stream().filter(l -> l.path("type").asText().equals(type)).toList();
        }
    }
}
