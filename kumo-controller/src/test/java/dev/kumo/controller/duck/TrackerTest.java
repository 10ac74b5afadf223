package dev.kumo.controller.duck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.controller.engine.NamespacedName;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackerTest {

    private static final NamespacedName T1 = new NamespacedName("default", "t1");
    private static final NamespacedName T2 = new NamespacedName("default", "t2");

    @Test
    void aChangedObjectMapsToTheKeysTrackingItUntilTheyTrackSomethingElse() {
        Tracker tracker = new Tracker();
        tracker.track(T1, List.of(ObjectRef.of(ResourceTypes.SERVICE, "default", "hello")));
        tracker.track(T2, List.of(ObjectRef.of(ResourceTypes.SERVICE, "default", "hello"),
                ObjectRef.of(ResourceTypes.BROKER, "default", "b")));

        assertThat(tracker.mapper().keys(object("serving.knative.dev/v2", "Service", "hello")))
                .containsExactlyInAnyOrder(T1, T2);

        tracker.track(T1, List.of());
        tracker.forget(T2);

        assertThat(tracker.mapper().keys(object("serving.knative.dev/v1", "Service", "hello"))).isEmpty();
        assertThat(tracker.mapper().keys(object("eventing.knative.dev/v1", "Broker", "b"))).isEmpty();
    }

    private static ObjectNode object(String apiVersion, String kind, String name) {
        ObjectNode object = Json.object().put("apiVersion", apiVersion).put("kind", kind);
        object.putObject("metadata").put("namespace", "default").put("name", name);
        return object;
    }
}
