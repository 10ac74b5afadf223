package dev.kumo.controller.duck;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.controller.engine.KeyMapper;
import dev.kumo.controller.engine.NamespacedName;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which keys of one controller depend on which objects (Knative's tracker): a reconciler tracks what its object
 * names before reading it, and a change of a tracked object enqueues its dependents through {@link #mapper()}.
 * Tracking before reading means a referenced object created meanwhile is never missed. Thread-safe.
 */
public final class Tracker {

    private final Map<ObjectRef, Set<NamespacedName>> dependents = new HashMap<>();
    private final Map<NamespacedName, Set<ObjectRef>> tracked = new HashMap<>();

    /** {@code dependent} depends on {@code refs} from now on, and on nothing it tracked before. */
    public synchronized void track(NamespacedName dependent, Collection<ObjectRef> refs) {
        forget(dependent);
        Set<ObjectRef> now = Set.copyOf(refs);
        tracked.put(dependent, now);
        now.forEach(ref -> dependents.computeIfAbsent(ref, r -> new HashSet<>()).add(dependent));
    }

    /** {@code dependent} is gone: it depends on nothing. */
    public synchronized void forget(NamespacedName dependent) {
        Set<ObjectRef> before = tracked.remove(dependent);
        if (before == null) {
            return;
        }
        for (ObjectRef ref : before) {
            Set<NamespacedName> keys = dependents.get(ref);
            keys.remove(dependent);
            if (keys.isEmpty()) {
                dependents.remove(ref);
            }
        }
    }

    /** The keys that depend on a changed object, for {@code Controller.watching(type, tracker.mapper())}. */
    public KeyMapper mapper() {
        return this::dependentsOf;
    }

    private synchronized List<NamespacedName> dependentsOf(ObjectNode object) {
        return List.copyOf(dependents.getOrDefault(ObjectRef.of(object), Set.of()));
    }
}
