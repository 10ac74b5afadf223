package dev.kumo.store.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.FieldError;
import dev.kumo.api.meta.ResourceType;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creates objects: picks the name, stamps uid, creation time and generation, and drops what a create may not set. */
final class Creation {

    private static final int NAME_ATTEMPTS = 8;
    /** The longest generateName kept whole: with the random suffix, a name of at most 63 characters. */
    private static final int MAX_GENERATE_NAME_PREFIX = 63 - NameGenerator.LENGTH;

    private final InstantSource clock;
    private final NameGenerator names;

    Creation(InstantSource clock, NameGenerator names) {
        this.clock = clock;
        this.names = names;
    }

    ObjectNode create(Transaction tx, ResourceType type, ObjectNode incoming) {
        ObjectNode object = incoming.deepCopy();
        Keys.dropNamespaceIfClusterScoped(type, object);
        ObjectKey key = claimName(tx, type, Keys.namespace(type, object), object);
        ObjectNode metadata = MetaNode.of(object);
        metadata.put("uid", UUID.randomUUID().toString());
        metadata.put("creationTimestamp", Timestamps.format(clock.instant()));
        metadata.remove(List.of("resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds"));
        if (type.group().isEmpty()) {
            metadata.remove("generation");
        } else {
            metadata.put("generation", 1L);
        }
        if (type.hasStatus()) {
            object.remove("status");
        }
        return tx.put(key, object, Optional.empty());
    }

    private ObjectKey claimName(Transaction tx, ResourceType type, String namespace, ObjectNode object) {
        String name = MetaNode.text(object, "name");
        if (!name.isEmpty()) {
            ObjectKey key = new ObjectKey(type.storageKey(), namespace, name);
            if (tx.get(key).isPresent()) {
                throw ApiException.alreadyExists(type.storageKey(), name);
            }
            return key;
        }
        String prefix = MetaNode.text(object, "generateName");
        if (prefix.isEmpty()) {
            throw ApiException.invalid(type.kind(), "",
                    List.of(FieldError.required("metadata.name", "name or generateName is required")));
        }
        // As Kubernetes does: a long prefix is cut so that the generated name fits a 63-character name.
        if (prefix.length() > MAX_GENERATE_NAME_PREFIX) {
            prefix = prefix.substring(0, MAX_GENERATE_NAME_PREFIX);
        }
        String candidate = "";
        for (int attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
            candidate = prefix + names.suffix();
            ObjectKey key = new ObjectKey(type.storageKey(), namespace, candidate);
            if (tx.get(key).isEmpty()) {
                MetaNode.of(object).put("name", candidate);
                return key;
            }
        }
        throw ApiException.alreadyExists(type.storageKey(), candidate);
    }
}
