package dev.kumo.controller.testing;

import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.trigger.TriggerDataPlane;
import dev.kumo.controller.trigger.TriggerRoute;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A mesh that remembers each Trigger's route; like the real one it refuses filters it cannot compile, which here
 * is any CESQL expression containing {@code INVALID}.
 */
public final class RecordingTriggerDataPlane implements TriggerDataPlane {

    private final Map<NamespacedName, TriggerRoute> routes = new ConcurrentHashMap<>();

    @Override
    public Optional<InvalidFilter> route(TriggerRoute route) {
        for (int i = 0; i < route.filters().size(); i++) {
            String cesql = route.filters().get(i).cesql();
            if (cesql != null && cesql.contains("INVALID")) {
                return Optional.of(new InvalidFilter("filters[" + i + "].cesql", "\"" + cesql + "\" does not parse"));
            }
        }
        routes.put(route.trigger(), route);
        return Optional.empty();
    }

    @Override
    public void remove(NamespacedName trigger) {
        routes.remove(trigger);
    }

    public Optional<TriggerRoute> route(String namespace, String name) {
        return Optional.ofNullable(routes.get(new NamespacedName(namespace, name)));
    }
}
