package dev.kumo.api.serving.validation;

import dev.kumo.api.serving.autoscaling.AnnotationKey;
import java.util.Map;
import java.util.Optional;

/** Annotations being validated and the field path they sit at; each key's error path is that path plus the key. */
record AnnotationValues(Map<String, String> annotations, String path) {

    Optional<AnnotationKey.Found> find(AnnotationKey key) {
        return key.lookup(annotations);
    }

    String path(AnnotationKey.Found found) {
        return path + "." + found.key();
    }

    String path(AnnotationKey key) {
        return path + "." + key.lookup(annotations).map(AnnotationKey.Found::key).orElse(key.key());
    }
}
