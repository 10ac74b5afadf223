package dev.kumo.controller.service;

import static dev.kumo.controller.testing.Fixtures.annotations;
import static dev.kumo.controller.testing.Fixtures.labels;
import static dev.kumo.controller.testing.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.registry.BuiltInKinds;
import dev.kumo.common.testing.ManualClock;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Result;
import dev.kumo.controller.testing.Seed;
import dev.kumo.store.AdmittingStore;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A controller writes through the kinds' admission: what the API would refuse is refused, the rest is unchanged. */
class AdmittedWritesTest {

    private static final NamespacedName HELLO = new NamespacedName("default", "hello");

    @Test
    void aChildTheApiWouldRefuseIsNotStored() {
        try (ResourceStore store = InMemoryStore.create()) {
            // Stored behind the API's back: its annotation key is one the API refuses, and children inherit it.
            Seed.load(store, List.of(service("default", "hello", annotations(Map.of("not a key!", "x")))));
            ResourceStore admitted = new AdmittingStore(store, BuiltInKinds.all());

            assertThatThrownBy(() -> ServiceController.reconciler(admitted, ManualClock.atEpoch()).reconcile(HELLO))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.code()).isEqualTo(422);
                        assertThat(e.getMessage()).contains("metadata.annotations");
                    });
            assertThat(store.get(ResourceTypes.CONFIGURATION, "default", "hello")).isEmpty();
        }
    }

    @Test
    void validChildrenAreStoredAsWithoutAdmission() {
        try (ResourceStore plain = InMemoryStore.create(); ResourceStore raw = InMemoryStore.create()) {
            // The Service as the API stores it (admitted, so defaulted) in both stores.
            ObjectNode svc = Json.toTree(service("default", "hello", labels(Map.of("app", "hello")),
                    annotations(Map.of("team", "blue"))));
            new AdmittingStore(plain, BuiltInKinds.all()).create(ResourceTypes.SERVICE, svc.deepCopy());
            ResourceStore admitted = new AdmittingStore(raw, BuiltInKinds.all());
            admitted.create(ResourceTypes.SERVICE, svc.deepCopy());

            assertThat(ServiceController.reconciler(plain, ManualClock.atEpoch()).reconcile(HELLO))
                    .isEqualTo(Result.done());
            assertThat(ServiceController.reconciler(admitted, ManualClock.atEpoch()).reconcile(HELLO))
                    .isEqualTo(Result.done());

            for (ResourceType type : List.of(ResourceTypes.CONFIGURATION, ResourceTypes.ROUTE)) {
                assertThat(comparable(raw.get(type, "default", "hello"))).as(type.kind())
                        .isEqualTo(comparable(plain.get(type, "default", "hello")));
            }
        }
    }

    /** The object without what the store sets per write (uid, timestamps, versions, owner uid). */
    private static ObjectNode comparable(Optional<ObjectNode> stored) {
        ObjectNode object = stored.orElseThrow().deepCopy();
        ObjectNode metadata = (ObjectNode) object.get("metadata");
        metadata.remove(List.of("uid", "creationTimestamp", "resourceVersion"));
        metadata.withArray("ownerReferences").forEach(ref -> ((ObjectNode) ref).remove("uid"));
        ObjectNode labels = (ObjectNode) metadata.get("labels");
        if (labels != null) {
            labels.remove("serving.knative.dev/serviceUID");
        }
        return object;
    }
}
