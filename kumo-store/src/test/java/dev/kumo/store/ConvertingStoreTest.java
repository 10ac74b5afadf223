package dev.kumo.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.LabelSelector;
import dev.kumo.api.registry.BuiltInKinds;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** events.k8s.io/v1 Events are the core Events, converted on the way in and out. */
class ConvertingStoreTest {

    private final ResourceStore stored = InMemoryStore.create();
    private final ResourceStore store = new ConvertingStore(stored, BuiltInKinds.all());

    @AfterEach
    void close() {
        stored.close();
    }

    private static ObjectNode coreEvent(String name, String about) {
        ObjectNode event = Json.object().put("apiVersion", "v1").put("kind", "Event").put("reason", "Created")
                .put("message", "made " + about).put("type", "Normal").put("count", 2);
        event.putObject("metadata").put("namespace", "default").put("name", name);
        event.putObject("involvedObject").put("kind", "Service").put("name", about).put("namespace", "default");
        return event;
    }

    @Test
    void aCoreEventIsReadListedAndWatchedAsEventsV1() {
        RecordingListener listener = new RecordingListener();
        store.watch(ResourceTypes.EVENTS_V1_EVENT, new WatchOptions(ListOptions.ALL, Optional.empty()), listener);
        stored.create(ResourceTypes.EVENT, coreEvent("e1", "hello"));

        ObjectNode read = store.get(ResourceTypes.EVENTS_V1_EVENT, "default", "e1").orElseThrow();
        assertThat(read.path("apiVersion").asText()).isEqualTo("events.k8s.io/v1");
        assertThat(read.path("note").asText()).isEqualTo("made hello");
        assertThat(read.path("series").path("count").asInt()).isEqualTo(2);
        assertThat(store.list(ResourceTypes.EVENTS_V1_EVENT, ListOptions.ALL).items()).containsExactly(read);
        assertThat(listener.awaitEvents(1).get(0).object().path("regarding").path("name").asText())
                .isEqualTo("hello");
    }

    @Test
    void writesInEventsV1AreStoredAsCoreEventsAndAnsweredInEventsV1() {
        ObjectNode v1 = Json.parseObject("""
                {"apiVersion": "events.k8s.io/v1", "kind": "Event", "metadata": {"namespace": "default", "name": "e2"},
                 "eventTime": "2026-01-01T00:00:00.000000Z", "reportingController": "c", "reportingInstance": "i",
                 "action": "A", "reason": "R", "note": "n", "type": "Normal", "regarding": {"name": "x"}}
                """);
        ObjectNode created = store.create(ResourceTypes.EVENTS_V1_EVENT, v1);
        assertThat(created.path("note").asText()).isEqualTo("n");
        assertThat(stored.get(ResourceTypes.EVENT, "default", "e2").orElseThrow().path("message").asText())
                .isEqualTo("n");

        ObjectNode updated = store.update(ResourceTypes.EVENTS_V1_EVENT, created.put("note", "m"));
        assertThat(updated.path("note").asText()).isEqualTo("m");
        assertThat(stored.get(ResourceTypes.EVENT, "default", "e2").orElseThrow().path("message").asText())
                .isEqualTo("m");

        store.delete(ResourceTypes.EVENTS_V1_EVENT, "default", "e2", DeleteOptions.DEFAULT);
        assertThat(stored.get(ResourceTypes.EVENT, "default", "e2")).isEmpty();
    }

    @Test
    void fieldTermsNameTheStoredForm() {
        stored.create(ResourceTypes.EVENT, coreEvent("e1", "hello"));
        stored.create(ResourceTypes.EVENT, coreEvent("e2", "other"));
        assertThat(store.list(ResourceTypes.EVENTS_V1_EVENT, new ListOptions(Optional.empty(),
                LabelSelector.EVERYTHING, Optional.empty(), List.of(new FieldMatch("/involvedObject/name", "other",
                        true)))).items()).extracting(e -> e.path("metadata").path("name").asText())
                .containsExactly("e2");
    }

    @Test
    void otherKindsPassThrough() {
        ObjectNode event = store.create(ResourceTypes.EVENT, coreEvent("e3", "hello"));
        assertThat(event.path("message").asText()).isEqualTo("made hello");
        assertThat(event.path("apiVersion").asText()).isEqualTo("v1");
    }
}
