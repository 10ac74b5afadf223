package dev.kumo.controller.apiserversource;

import dev.kumo.api.core.Namespace;
import dev.kumo.api.meta.LabelSelector;
import dev.kumo.api.meta.LabelSelectorSpec;
import dev.kumo.api.sources.ApiServerSource;
import dev.kumo.api.sources.ApiServerSourceSpec;
import java.util.List;
import java.util.Optional;

/**
 * Which namespaces an ApiServerSource watches (Knative's {@code namespacesFromSelector}): its own without a
 * {@code namespaceSelector}; with one, every namespace whose labels match it, where an empty selector ({@code {}})
 * matches them all. Shared by the reconciler ({@code status.namespaces}) and the runner that watches them.
 */
public final class WatchedNamespaces {

    private WatchedNamespaces() {
    }

    /** The selector the watched namespaces' labels must match; empty when the source watches only its own. */
    public static Optional<LabelSelector> selector(ApiServerSourceSpec spec) {
        return Optional.ofNullable(spec.namespaceSelector()).map(LabelSelectorSpec::toSelector);
    }

    /** The names of the namespaces {@code source} watches among {@code namespaces}, sorted. */
    public static List<String> of(ApiServerSource source, List<Namespace> namespaces) {
        Optional<LabelSelector> selector = selector(source.spec());
        if (selector.isEmpty()) {
            return List.of(source.metadata().namespace());
        }
        return namespaces.stream().filter(n -> selector.get().matches(n.metadata().labelsOrEmpty()))
                .map(n -> n.metadata().name()).sorted().toList();
    }
}
