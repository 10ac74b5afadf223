package dev.kumo.controller.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The key a controller reconciles: an object's namespace and name ({@code default/hello}). */
public record NamespacedName(String namespace, String name) {

    public NamespacedName {
        if (namespace == null || name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a key needs a namespace and a name, got " + namespace + "/" + name);
        }
    }

    /** The key of a stored object. */
    public static NamespacedName of(ObjectNode object) {
        return new NamespacedName(object.path("metadata").path("namespace").asText(""),
                object.path("metadata").path("name").asText(""));
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
