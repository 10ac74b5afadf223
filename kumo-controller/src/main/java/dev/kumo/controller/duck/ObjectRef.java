package dev.kumo.controller.duck;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.duck.KReference;
import dev.kumo.api.meta.ResourceType;

/** An object named by group, kind, namespace and name; the version does not matter (as Knative's tracker). */
public record ObjectRef(String group, String kind, String namespace, String name) {

    /** The reference a stored object answers to. */
    public static ObjectRef of(ObjectNode object) {
        return new ObjectRef(group(object.path("apiVersion").asText("")), object.path("kind").asText(""),
                object.path("metadata").path("namespace").asText(""), object.path("metadata").path("name").asText(""));
    }

    /** What {@code ref} names; a ref without a namespace is in {@code namespace}. */
    public static ObjectRef of(KReference ref, String namespace) {
        String in = ref.namespace() == null || ref.namespace().isEmpty() ? namespace : ref.namespace();
        return new ObjectRef(group(ref.apiVersion() == null ? "" : ref.apiVersion()), ref.kind(), in, ref.name());
    }

    /** The object {@code kind} {@code name} of {@code apiVersion} in {@code namespace}. */
    public static ObjectRef of(String apiVersion, String kind, String namespace, String name) {
        return new ObjectRef(group(apiVersion), kind, namespace, name);
    }

    /** The object {@code name} of {@code type} in {@code namespace}. */
    public static ObjectRef of(ResourceType type, String namespace, String name) {
        return new ObjectRef(type.group(), type.kind(), namespace, name);
    }

    /** Whether this names an object of {@code type}. */
    public boolean is(ResourceType type) {
        return type.group().equals(group) && type.kind().equals(kind);
    }

    private static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    @Override
    public String toString() {
        return kind + (group.isEmpty() ? "" : "." + group) + " " + namespace + "/" + name;
    }
}
