package dev.kumo.store;

import dev.kumo.api.meta.LabelSelector;
import java.util.Optional;

/**
 * Which objects of a kind to list or watch: one namespace or all, a label selector, and optionally one name
 * ({@code fieldSelector=metadata.name=x}).
 */
public record ListOptions(Optional<String> namespace, LabelSelector labels, Optional<String> name) {

    public static final ListOptions ALL = new ListOptions(Optional.empty(), LabelSelector.EVERYTHING, Optional.empty());

    /** Everything in one namespace. */
    public static ListOptions in(String namespace) {
        return new ListOptions(Optional.of(namespace), LabelSelector.EVERYTHING, Optional.empty());
    }
}
