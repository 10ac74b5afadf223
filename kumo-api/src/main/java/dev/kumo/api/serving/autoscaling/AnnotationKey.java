package dev.kumo.api.serving.autoscaling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An annotation key with the older spellings still accepted for it, the current one first. */
public record AnnotationKey(String key, List<String> alternates) {

    /** One annotation found under one of the key's spellings. */
    public record Found(String key, String value) {
    }

    public AnnotationKey {
        alternates = List.copyOf(alternates);
    }

    static AnnotationKey of(String key, String... alternates) {
        return new AnnotationKey(key, List.of(alternates));
    }

    /** The annotation under the first spelling present, current spelling first. */
    public Optional<Found> lookup(Map<String, String> annotations) {
        return spellingsPresent(annotations).stream().findFirst().map(k -> new Found(k, annotations.get(k)));
    }

    /** Every spelling of this key that {@code annotations} holds, current spelling first. */
    public List<String> spellingsPresent(Map<String, String> annotations) {
        List<String> present = new ArrayList<>();
        if (annotations.containsKey(key)) {
            present.add(key);
        }
        alternates.stream().filter(annotations::containsKey).forEach(present::add);
        return present;
    }
}
