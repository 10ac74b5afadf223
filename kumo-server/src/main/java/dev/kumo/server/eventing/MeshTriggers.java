package dev.kumo.server.eventing;

import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.trigger.TriggerDataPlane;
import dev.kumo.controller.trigger.TriggerRoute;
import dev.kumo.eventing.EventMesh;
import dev.kumo.eventing.api.TriggerRef;
import dev.kumo.eventing.api.TriggerSpec;
import dev.kumo.eventing.filter.EventFilter;
import dev.kumo.eventing.filter.Filters;
import dev.kumo.eventing.filter.InvalidFilterException;
import java.util.Optional;
import java.util.function.Consumer;

/** The Trigger reconciler's data plane: filters compiled once per route, then handed to the event mesh. */
final class MeshTriggers implements TriggerDataPlane {

    private final EventMesh mesh;

    MeshTriggers(EventMesh mesh) {
        this.mesh = mesh;
    }

    @Override
    public Optional<InvalidFilter> route(TriggerRoute route) {
        EventFilter filter;
        try {
            filter = Filters.forTrigger(route.filter().attributesOrEmpty(), FilterMapping.toMesh(route.filters()));
        } catch (InvalidFilterException e) {
            String prefix = e.field() + ": ";
            String message = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length())
                    : e.getMessage();
            return Optional.of(new InvalidFilter(e.field(), message));
        }
        mesh.upsertTrigger(new TriggerSpec(ref(route.trigger()), route.broker(), filter, route.subscriber(),
                DeliveryMapping.toMesh(route.delivery()), DeliveryMapping.toMesh(route.order())));
        return Optional.empty();
    }

    @Override
    public void remove(NamespacedName trigger) {
        mesh.removeTrigger(ref(trigger));
    }

    @Override
    public Optional<String> dispatchProblem(NamespacedName trigger) {
        return mesh.dispatchProblem(ref(trigger));
    }

    @Override
    public void onDispatchProblem(Consumer<NamespacedName> listener) {
        mesh.onDispatchProblem(ref -> listener.accept(new NamespacedName(ref.namespace(), ref.name())));
    }

    private static TriggerRef ref(NamespacedName trigger) {
        return new TriggerRef(trigger.namespace(), trigger.name());
    }
}
