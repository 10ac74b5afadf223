package dev.kumo.serving;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.meta.ResourceType;
import java.util.Optional;

/** Reads one object by kind, namespace and name (the store, or a map in tests). */
@FunctionalInterface
interface ObjectLookup {

    Optional<ObjectNode> get(ResourceType type, String namespace, String name);
}
