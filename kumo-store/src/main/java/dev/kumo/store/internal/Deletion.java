package dev.kumo.store.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.store.DeleteOptions.Propagation;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Deletes objects: finalizers hold an object (it only gets a deletionTimestamp), otherwise it is removed and its
 * dependents (found by owner uid) are deleted by the same rules or orphaned; removing a namespace deletes its contents.
 */
final class Deletion {

    private static final String NAMESPACES = "namespaces";

    private final InstantSource clock;

    Deletion(InstantSource clock) {
        this.clock = clock;
    }

    /** Deletes {@code stored} (as read in this transaction); returns it marked for deletion or as it was removed. */
    ObjectNode delete(Transaction tx, ObjectKey key, ObjectNode stored, Propagation propagation) {
        if (MetaNode.finalizers(stored).isEmpty()) {
            return remove(tx, key, stored, propagation);
        }
        if (MetaNode.optional(stored, "deletionTimestamp").isPresent()) {
            return stored;
        }
        ObjectNode marked = stored.deepCopy();
        MetaNode.of(marked).put("deletionTimestamp", Timestamps.format(clock.instant()));
        MetaNode.of(marked).put("deletionGracePeriodSeconds", 0);
        return tx.put(key, marked, Optional.of(stored));
    }

    /** Removes the object for good and deals with what depends on it. */
    ObjectNode remove(Transaction tx, ObjectKey key, ObjectNode last, Propagation propagation) {
        ObjectNode removed = tx.remove(key, last);
        String uid = MetaNode.text(last, "uid");
        for (ObjectKey dependentKey : tx.dependents(uid)) {
            Optional<ObjectNode> dependent = tx.get(dependentKey);
            if (dependent.isEmpty() || !MetaNode.ownerUids(dependent.get()).contains(uid)) {
                continue;
            }
            if (propagation == Propagation.Orphan) {
                orphan(tx, dependentKey, dependent.get(), uid);
            } else {
                delete(tx, dependentKey, dependent.get(), Propagation.Background);
            }
        }
        if (key.resource().equals(NAMESPACES)) {
            for (ObjectKey member : tx.contents(key.name())) {
                tx.get(member).ifPresent(object -> delete(tx, member, object, Propagation.Background));
            }
        }
        return removed;
    }

    private static void orphan(Transaction tx, ObjectKey key, ObjectNode dependent, String ownerUid) {
        ObjectNode orphaned = dependent.deepCopy();
        ObjectNode metadata = MetaNode.of(orphaned);
        ArrayNode remaining = metadata.arrayNode();
        for (JsonNode reference : metadata.path("ownerReferences")) {
            if (!ownerUid.equals(reference.path("uid").asText(""))) {
                remaining.add(reference);
            }
        }
        if (remaining.isEmpty()) {
            metadata.remove("ownerReferences");
        } else {
            metadata.set("ownerReferences", remaining);
        }
        tx.put(key, orphaned, Optional.of(dependent));
    }
}
