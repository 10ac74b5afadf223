package dev.kumo.store.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.FieldError;
import dev.kumo.api.meta.ResourceType;
import java.util.List;

/** Works out where an incoming object is filed, rejecting objects without the namespace or name that needs. */
final class Keys {

    private Keys() {
    }

    /** The namespace an incoming object goes to: required for namespaced kinds, {@code ""} for the others. */
    static String namespace(ResourceType type, ObjectNode object) {
        if (!type.namespaced()) {
            return "";
        }
        String namespace = MetaNode.text(object, "namespace");
        if (namespace.isEmpty()) {
            throw ApiException.badRequest("an empty namespace may not be set for " + type.storageKey()
                    + "; set metadata.namespace");
        }
        return namespace;
    }

    /** Removes the namespace a cluster-scoped object may have been sent with. */
    static void dropNamespaceIfClusterScoped(ResourceType type, ObjectNode object) {
        if (!type.namespaced()) {
            MetaNode.of(object).remove("namespace");
        }
    }

    /** The key of an incoming object that must already carry its name. */
    static ObjectKey of(ResourceType type, ObjectNode object) {
        String namespace = namespace(type, object);
        String name = MetaNode.text(object, "name");
        if (name.isEmpty()) {
            throw ApiException.invalid(type.kind(), "",
                    List.of(FieldError.required("metadata.name", "name or generateName is required")));
        }
        return new ObjectKey(type.storageKey(), namespace, name);
    }
}
