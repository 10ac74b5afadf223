package dev.kumo.apiserver.internal;

import dev.kumo.api.errors.ApiException;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.meta.ResourceType;
import java.util.Optional;

/** The kind a request addresses and where: namespace (for namespaced kinds), name and subresource. */
record Target(KindDefinition kind, Optional<String> namespace, Optional<String> name, Optional<String> subresource) {

    ResourceType type() {
        return kind.type();
    }

    /** The namespace of a namespaced kind; the empty string for cluster-scoped kinds. */
    String namespaceOrEmpty() {
        return namespace.orElse("");
    }

    String requireName() {
        return name.orElseThrow(() -> ApiException.badRequest("a resource name is required"));
    }

    boolean isStatus() {
        return subresource.filter("status"::equals).isPresent();
    }
}
