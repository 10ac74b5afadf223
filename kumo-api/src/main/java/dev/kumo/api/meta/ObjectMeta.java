package dev.kumo.api.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes {@code metadata}. A wire record: absent fields are {@code null} so that what is stored round-trips
 * exactly; use the accessors with defaults ({@link #labelsOrEmpty()}) in logic.
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

    /** Metadata with just a namespace and a name. */
    public static ObjectMeta of(String namespace, String name) {
        return new ObjectMeta(name, null, namespace, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    /** This metadata with {@code key=value} added to (or replaced in) its labels. */
    public ObjectMeta withLabel(String key, String value) {
        return withMaps(with(labelsOrEmpty(), key, value), annotations);
    }

    /** This metadata with {@code key=value} added to (or replaced in) its annotations. */
    public ObjectMeta withAnnotation(String key, String value) {
        return withMaps(labels, with(annotationsOrEmpty(), key, value));
    }

    private ObjectMeta withMaps(Map<String, String> newLabels, Map<String, String> newAnnotations) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, newLabels, newAnnotations, ownerReferences, finalizers,
                managedFields, selfLink);
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
