package dev.kumo.store.internal;

import dev.kumo.api.meta.ResourceType;

/** Where an object is filed: its resource ({@code plural.group}), namespace ({@code ""} if cluster-scoped) and name. */
public record ObjectKey(String resource, String namespace, String name) {

    /** The key of an object of {@code type}; the namespace is dropped for cluster-scoped kinds. */
    public static ObjectKey of(ResourceType type, String namespace, String name) {
        return new ObjectKey(type.storageKey(), type.namespaced() ? namespace : "", name);
    }
}
