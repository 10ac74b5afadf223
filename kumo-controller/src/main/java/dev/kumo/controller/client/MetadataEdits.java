package dev.kumo.controller.client;

import dev.kumo.api.meta.ObjectMeta;
import java.util.List;
import java.util.Map;

/** Copies of metadata with some fields replaced, keeping everything else (resourceVersion included). */
public final class MetadataEdits {

    private MetadataEdits() {
    }

    public static ObjectMeta withLabelsAndAnnotations(ObjectMeta meta, Map<String, String> labels,
            Map<String, String> annotations) {
        return new ObjectMeta(meta.name(), meta.generateName(), meta.namespace(), meta.uid(), meta.resourceVersion(),
                meta.generation(), meta.creationTimestamp(), meta.deletionTimestamp(),
                meta.deletionGracePeriodSeconds(), emptyAsNull(labels), emptyAsNull(annotations),
                meta.ownerReferences(), meta.finalizers(), meta.managedFields(), meta.selfLink());
    }

    public static ObjectMeta withFinalizers(ObjectMeta meta, List<String> finalizers) {
        return new ObjectMeta(meta.name(), meta.generateName(), meta.namespace(), meta.uid(), meta.resourceVersion(),
                meta.generation(), meta.creationTimestamp(), meta.deletionTimestamp(),
                meta.deletionGracePeriodSeconds(), meta.labels(), meta.annotations(), meta.ownerReferences(),
                finalizers.isEmpty() ? null : List.copyOf(finalizers), meta.managedFields(), meta.selfLink());
    }

    private static Map<String, String> emptyAsNull(Map<String, String> map) {
        return map == null || map.isEmpty() ? null : map;
    }
}
