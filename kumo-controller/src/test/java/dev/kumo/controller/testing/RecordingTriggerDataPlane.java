package dev.kumo.controller.testing;

import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.trigger.TriggerDataPlane;
import dev.kumo.controller.trigger.TriggerRoute;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A mesh that remembers each Trigger's route; like the real one it refuses filters it cannot compile, which here
 * is any CESQL expression containing {@code INVALID}. A test sets a Trigger's dispatch problem with
 * {@link #dispatchProblem(NamespacedName, Optional)}, which tells the listeners as the mesh does.
 */
public final class RecordingTriggerDataPlane implements TriggerDataPlane {

    private final Map<NamespacedName, TriggerRoute> routes = new ConcurrentHashMap<>();
    private final Map<NamespacedName, String> problems = new ConcurrentHashMap<>();
    private final List<Consumer<NamespacedName>> listeners = new CopyOnWriteArrayList<>();

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

    @Override
    public Optional<String> dispatchProblem(NamespacedName trigger) {
        return Optional.ofNullable(problems.get(trigger));
    }

    @Override
    public void onDispatchProblem(Consumer<NamespacedName> listener) {
        listeners.add(listener);
    }

    /** Sets (or with empty clears) the Trigger's problem and tells the listeners. */
    public void dispatchProblem(NamespacedName trigger, Optional<String> problem) {
        problem.ifPresentOrElse(p -> problems.put(trigger, p), () -> problems.remove(trigger));
        listeners.forEach(listener -> listener.accept(trigger));
    }

    public Optional<TriggerRoute> route(String namespace, String name) {
        return Optional.ofNullable(routes.get(new NamespacedName(namespace, name)));
    }
}
