package dev.kumo.store.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.store.WatchEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The writes of one store operation (a cascading delete makes many): each change gets the next resourceVersion,
 * reads see the changes made so far, and nothing reaches the backend or the watchers until {@link #commit}.
 */
final class Transaction {

    private final Backend backend;
    private final Map<ObjectKey, Optional<ObjectNode>> pending = new HashMap<>();
    private final List<Change> changes = new ArrayList<>();
    private final List<HubEvent> events = new ArrayList<>();
    private long resourceVersion;

    Transaction(Backend backend, long resourceVersion) {
        this.backend = backend;
        this.resourceVersion = resourceVersion;
    }

    /** The object as this transaction sees it; a copy the caller may change. */
    Optional<ObjectNode> get(ObjectKey key) {
        Optional<ObjectNode> written = pending.get(key);
        if (written != null) {
            return written.map(ObjectNode::deepCopy);
        }
        return backend.get(key);
    }

    List<ObjectKey> dependents(String ownerUid) {
        return backend.dependents(ownerUid);
    }

    List<ObjectKey> contents(String namespace) {
        return backend.contents(namespace);
    }

    /** Stores {@code object} with the next resourceVersion and records an ADDED or MODIFIED event; returns it. */
    ObjectNode put(ObjectKey key, ObjectNode object, Optional<ObjectNode> before) {
        long version = ++resourceVersion;
        MetaNode.of(object).put("resourceVersion", Long.toString(version));
        ObjectNode stored = JsonTrees.normalized(object);
        pending.put(key, Optional.of(stored));
        changes.add(new Change.Put(key, stored));
        WatchEvent.Type type = before.isPresent() ? WatchEvent.Type.MODIFIED : WatchEvent.Type.ADDED;
        events.add(new HubEvent(key.resource(), new WatchEvent(type, stored, version), before.map(MetaNode::labels)));
        return stored.deepCopy();
    }

    /** Removes the object, recording a DELETED event of {@code last} with the deletion's resourceVersion. */
    ObjectNode remove(ObjectKey key, ObjectNode last) {
        long version = ++resourceVersion;
        MetaNode.of(last).put("resourceVersion", Long.toString(version));
        ObjectNode removed = JsonTrees.normalized(last);
        pending.put(key, Optional.empty());
        changes.add(new Change.Remove(key));
        events.add(new HubEvent(key.resource(), new WatchEvent(WatchEvent.Type.DELETED, removed, version),
                Optional.empty()));
        return removed.deepCopy();
    }

    /** The resourceVersion of this transaction's last change (where the next one continues). */
    long resourceVersion() {
        return resourceVersion;
    }

    /** Writes every change to the backend; the events to publish, in order (none if nothing changed). */
    List<HubEvent> commit() {
        if (!changes.isEmpty()) {
            backend.apply(changes, resourceVersion);
        }
        return List.copyOf(events);
    }
}
