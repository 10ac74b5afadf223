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
        return meta.toBuilder().labels(emptyAsNull(labels)).annotations(emptyAsNull(annotations)).build();
    }

    public static ObjectMeta withFinalizers(ObjectMeta meta, List<String> finalizers) {
        return meta.toBuilder().finalizers(finalizers.isEmpty() ? null : List.copyOf(finalizers)).build();
    }

    private static Map<String, String> emptyAsNull(Map<String, String> map) {
        return map == null || map.isEmpty() ? null : map;
    }
}
