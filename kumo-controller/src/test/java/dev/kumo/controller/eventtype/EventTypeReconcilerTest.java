package dev.kumo.controller.eventtype;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.duck.KReference;
import dev.kumo.api.eventing.EventType;
import dev.kumo.api.eventing.EventTypeSpec;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.common.testing.ManualClock;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Result;
import dev.kumo.controller.testing.EventingObjects;
import dev.kumo.controller.testing.Seed;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventTypeReconcilerTest {

    private static final NamespacedName KEY = new NamespacedName("default", "ping");

    record Row(String name, List<HasMetadata> objects, List<String> wantConditions) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        KReference broker = KReference.of("eventing.knative.dev/v1", "Broker", "default");
        return Stream.of(
                new Row("without a reference it is Ready (ReferenceNotSet)", List.of(eventType(null)),
                        List.of("Ready True", "ReferenceExists True ReferenceNotSet")),
                new Row("an existing Broker referenced makes it Ready",
                        List.of(EventingObjects.broker("default"), eventType(broker)),
                        List.of("Ready True", "ReferenceExists True")),
                new Row("a missing Broker fails it",
                        List.of(eventType(broker)),
                        List.of("Ready False ResourceDoesNotExist", "ReferenceExists False ResourceDoesNotExist")),
                new Row("a kind it cannot reference fails it",
                        List.of(EventingObjects.broker("default"), eventType(KReference.of("example.com/v1",
                                "Broker", "default"))),
                        List.of("Ready False ResourceDoesNotExist", "ReferenceExists False ResourceDoesNotExist")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void reconcile(Row row) {
        try (ResourceStore store = InMemoryStore.create()) {
            Seed.load(store, row.objects());

            Result result = EventTypeController.reconciler(store, ManualClock.atEpoch()).reconcile(KEY);

            assertThat(result).isEqualTo(Result.done());
            JsonNode status = store.get(ResourceTypes.EVENT_TYPE, "default", "ping").orElseThrow().get("status");
            List<String> conditions = new ArrayList<>();
            status.path("conditions").forEach(c -> conditions.add(c.path("type").asText() + " "
                    + c.path("status").asText() + (c.hasNonNull("reason") ? " " + c.path("reason").asText() : "")));
            assertThat(conditions.stream().sorted().toList()).isEqualTo(row.wantConditions());
        }
    }

    private static EventType eventType(KReference reference) {
        return EventType.of(ObjectMeta.of("default", "ping"), new EventTypeSpec("dev.knative.sources.ping",
                "/apis/v1/namespaces/default/pingsources/ping", null, null, null, reference, null));
    }
}
