package dev.kumo.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.meta.LabelSelector;
import java.util.List;
import java.util.Optional;

/**
 * Which objects of a kind to list or watch: one namespace or all, a label selector, optionally one name
 * ({@code fieldSelector=metadata.name=x}) and other field selector terms ({@link FieldMatch}).
 */
public record ListOptions(Optional<String> namespace, LabelSelector labels, Optional<String> name,
        List<FieldMatch> fields) {

    public static final ListOptions ALL = new ListOptions(Optional.empty(), LabelSelector.EVERYTHING, Optional.empty());

    public ListOptions {
        fields = List.copyOf(fields);
    }

    /** No field terms beyond the name. */
    public ListOptions(Optional<String> namespace, LabelSelector labels, Optional<String> name) {
        this(namespace, labels, name, List.of());
    }

    /** Everything in one namespace. */
    public static ListOptions in(String namespace) {
        return new ListOptions(Optional.of(namespace), LabelSelector.EVERYTHING, Optional.empty());
    }

    /** Whether {@code object} satisfies every field term. */
    public boolean matchesFields(JsonNode object) {
        return fields.stream().allMatch(term -> term.matches(object));
    }
}
