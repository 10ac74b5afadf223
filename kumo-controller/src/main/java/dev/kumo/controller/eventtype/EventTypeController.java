package dev.kumo.controller.eventtype;

import dev.kumo.api.eventing.EventType;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.Controller;
import dev.kumo.controller.engine.Engine;
import dev.kumo.controller.engine.KeyMapper;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceStore;
import java.time.InstantSource;
import java.util.List;

/** Wires the EventType reconciler: EventTypes, and the Brokers and Channels they may reference. */
public final class EventTypeController {

    public static final String NAME = "eventtypes";

    /** The kinds an EventType's reference may name (kn's {@code --reference broker:NAME|channel:NAME}). */
    static final List<ResourceType> REFERABLE = List.of(ResourceTypes.BROKER, ResourceTypes.CHANNEL,
            ResourceTypes.IN_MEMORY_CHANNEL);

    private EventTypeController() {
    }

    /** Registers the controller with {@code engine}. */
    public static void register(Engine engine, ResourceStore store, InstantSource clock) {
        Controller controller = Controller.of(NAME, ResourceTypes.EVENT_TYPE, reconciler(store, clock));
        for (ResourceType type : REFERABLE) {
            controller = controller.watching(type, referencing(store, type));
        }
        engine.register(controller);
    }

    /** The reconciler alone, for tests that call it directly. */
    public static EventTypeReconciler reconciler(ResourceStore store, InstantSource clock) {
        return new EventTypeReconciler(new TypedStore<>(store, ResourceTypes.EVENT_TYPE, EventType.class), store,
                REFERABLE, clock);
    }

    private static KeyMapper referencing(ResourceStore store, ResourceType type) {
        return changed -> {
            String namespace = changed.path("metadata").path("namespace").asText("");
            String name = changed.path("metadata").path("name").asText("");
            return store.list(ResourceTypes.EVENT_TYPE, ListOptions.in(namespace)).items().stream()
                    .filter(e -> type.kind().equals(e.at("/spec/reference/kind").asText())
                            && name.equals(e.at("/spec/reference/name").asText()))
                    .map(NamespacedName::of).toList();
        };
    }
}
