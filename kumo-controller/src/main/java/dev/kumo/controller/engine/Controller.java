package dev.kumo.controller.engine;

import dev.kumo.api.meta.ResourceType;
import java.util.ArrayList;
import java.util.List;

/**
 * One controller's wiring: its name, the primary kind it reconciles, its reconciler, and the other kinds whose
 * changes enqueue its keys (owned kinds through ownerReferences, or any mapping).
 */
public record Controller(String name, ResourceType primary, Reconciler reconciler, List<Trigger> triggers) {

    public Controller {
        triggers = List.copyOf(triggers);
    }

    /** A controller that reconciles {@code primary} objects and watches nothing else yet. */
    public static Controller of(String name, ResourceType primary, Reconciler reconciler) {
        return new Controller(name, primary, reconciler, List.of(new Trigger(primary, KeyMapper.self())));
    }

    /** This controller also reconciled when an object of {@code owned} it controls changes. */
    public Controller owning(ResourceType owned) {
        return watching(owned, KeyMapper.controllerOwner(primary));
    }

    /** This controller also reconciled for the keys {@code mapper} finds in a changed object of {@code type}. */
    public Controller watching(ResourceType type, KeyMapper mapper) {
        List<Trigger> more = new ArrayList<>(triggers);
        more.add(new Trigger(type, mapper));
        return new Controller(name, primary, reconciler, more);
    }
}
