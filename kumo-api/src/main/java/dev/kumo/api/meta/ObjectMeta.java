package dev.kumo.api.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes {@code metadata}. A wire record: absent fields are {@code null} so that what is stored round-trips
 * exactly; use the accessors with defaults ({@link #labelsOrEmpty()}) in logic. Build one with {@link #builder()}
 * (or {@link #of(String, String)}: namespace first, as in {@code namespace/name}) and change one with
 * {@link #toBuilder()}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ObjectMeta(
        String name,
        String generateName,
        String namespace,
        String uid,
        String resourceVersion,
        Long generation,
        String creationTimestamp,
        String deletionTimestamp,
        Long deletionGracePeriodSeconds,
        Map<String, String> labels,
        Map<String, String> annotations,
        List<OwnerReference> ownerReferences,
        List<String> finalizers,
        List<Object> managedFields,
        String selfLink) {

    /** Metadata with no field set. */
    public static final ObjectMeta EMPTY = builder().build();

    /** Metadata with just a namespace and a name, in that order (Kubernetes' {@code namespace/name}). */
    public static ObjectMeta of(String namespace, String name) {
        return builder().namespace(namespace).name(name).build();
    }

    /** Metadata with just a name: a cluster-scoped object's, or a template's whose namespace is its owner's. */
    public static ObjectMeta named(String name) {
        return builder().name(name).build();
    }

    public static ObjectMetaBuilder builder() {
        return new ObjectMetaBuilder();
    }

    /** A builder holding this metadata's fields. */
    public ObjectMetaBuilder toBuilder() {
        return new ObjectMetaBuilder().name(name).generateName(generateName).namespace(namespace).uid(uid)
                .resourceVersion(resourceVersion).generation(generation).creationTimestamp(creationTimestamp)
                .deletionTimestamp(deletionTimestamp).deletionGracePeriodSeconds(deletionGracePeriodSeconds)
                .labels(labels).annotations(annotations).ownerReferences(ownerReferences).finalizers(finalizers)
                .managedFields(managedFields).selfLink(selfLink);
    }

    /** This metadata with {@code key=value} added to (or replaced in) its labels. */
    public ObjectMeta withLabel(String key, String value) {
        return toBuilder().labels(with(labelsOrEmpty(), key, value)).build();
    }

    /** This metadata with {@code key=value} added to (or replaced in) its annotations. */
    public ObjectMeta withAnnotation(String key, String value) {
        return toBuilder().annotations(with(annotationsOrEmpty(), key, value)).build();
    }

    private static Map<String, String> with(Map<String, String> map, String key, String value) {
        Map<String, String> changed = new java.util.LinkedHashMap<>(map);
        changed.put(key, value);
        return changed;
    }

    public Map<String, String> labelsOrEmpty() {
        return labels == null ? Map.of() : labels;
    }

    public Map<String, String> annotationsOrEmpty() {
        return annotations == null ? Map.of() : annotations;
    }

    public List<OwnerReference> ownerReferencesOrEmpty() {
        return ownerReferences == null ? List.of() : ownerReferences;
    }
}
