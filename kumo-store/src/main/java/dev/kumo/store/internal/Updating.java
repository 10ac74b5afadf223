package dev.kumo.store.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.FieldError;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.store.DeleteOptions.Propagation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Replaces objects: metadata and spec through {@link #update}, status through {@link #updateStatus}; keeps what the
 * store owns, bumps generation on spec changes, skips no-op writes and finishes deletions the last finalizer held.
 */
final class Updating {

    private static final List<String> KEPT_METADATA =
            List.of("uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation");

    private final Deletion deletion;

    Updating(Deletion deletion) {
        this.deletion = deletion;
    }

    ObjectNode update(Transaction tx, ResourceType type, ObjectNode incoming) {
        ObjectKey key = Keys.of(type, incoming);
        ObjectNode stored = load(tx, key, incoming);
        ObjectNode next = incoming.deepCopy();
        Keys.dropNamespaceIfClusterScoped(type, next);
        KEPT_METADATA.forEach(field -> MetaNode.copyField(stored, next, field));
        MetaNode.copyField(stored, next, "resourceVersion");
        if (type.hasStatus()) {
            MetaNode.copyTopLevel(stored, next, "status");
        }
        boolean deleting = MetaNode.optional(stored, "deletionTimestamp").isPresent();
        if (deleting) {
            rejectNewFinalizers(type, key, stored, next);
        }
        if (!type.group().isEmpty() && specChanged(stored, next)) {
            MetaNode.of(next).put("generation", stored.path("metadata").path("generation").asLong(0) + 1);
        }
        if (JsonTrees.equal(stored, next)) {
            return stored;
        }
        if (deleting && MetaNode.finalizers(next).isEmpty()) {
            return deletion.remove(tx, key, next, Propagation.Background);
        }
        return tx.put(key, next, Optional.of(stored));
    }

    ObjectNode updateStatus(Transaction tx, ResourceType type, ObjectNode incoming) {
        ObjectKey key = Keys.of(type, incoming);
        ObjectNode stored = load(tx, key, incoming);
        ObjectNode next = stored.deepCopy();
        MetaNode.copyTopLevel(incoming, next, "status");
        if (JsonTrees.equal(stored, next)) {
            return stored;
        }
        return tx.put(key, next, Optional.of(stored));
    }

    private static ObjectNode load(Transaction tx, ObjectKey key, ObjectNode incoming) {
        ObjectNode stored = tx.get(key).orElseThrow(() -> ApiException.notFound(key.resource(), key.name()));
        Preconditions.checkIncoming(key, stored, incoming);
        return stored;
    }

    /** Whether anything outside metadata and status changed: what generation counts. */
    private static boolean specChanged(ObjectNode before, ObjectNode after) {
        Set<String> fields = new HashSet<>();
        before.fieldNames().forEachRemaining(fields::add);
        after.fieldNames().forEachRemaining(fields::add);
        fields.removeAll(List.of("metadata", "status"));
        return fields.stream().anyMatch(field -> !JsonTrees.equal(before.get(field), after.get(field)));
    }

    private static void rejectNewFinalizers(ResourceType type, ObjectKey key, ObjectNode stored, ObjectNode next) {
        List<String> added = new ArrayList<>(MetaNode.finalizers(next));
        added.removeAll(MetaNode.finalizers(stored));
        if (!added.isEmpty()) {
            throw ApiException.invalid(type.kind(), key.name(), List.of(FieldError.forbidden("metadata.finalizers",
                    "no new finalizers can be added if the object is being deleted, found new finalizers " + added)));
        }
    }
}
