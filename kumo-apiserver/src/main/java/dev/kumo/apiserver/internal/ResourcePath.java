package dev.kumo.apiserver.internal;

import java.util.List;
import java.util.Optional;

/**
 * A request path addressing resources: {@code /api/v1/...} or {@code /apis/{group}/{version}/...}, then optionally
 * {@code namespaces/{ns}/}, then {@code {plural}[/{name}[/{subresource}]]}.
 */
record ResourcePath(String group, String version, Optional<String> namespace, String plural, Optional<String> name,
        Optional<String> subresource) {

    /** Parses the segments after the group/version prefix; empty when the path is not a resource path. */
    static Optional<ResourcePath> parse(String group, String version, List<String> rest) {
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        if (rest.get(0).equals("namespaces") && group.isEmpty()) {
            // /api/v1/namespaces/{ns}/{plural}/... addresses namespaced objects unless the segment after the
            // namespace name is a namespace subresource.
            if (rest.size() >= 3 && !isNamespaceSubresource(rest.get(2))) {
                return namespaced(group, version, rest.get(1), rest.subList(2, rest.size()));
            }
            return plain(group, version, rest);
        }
        if (rest.get(0).equals("namespaces") && rest.size() >= 3) {
            return namespaced(group, version, rest.get(1), rest.subList(2, rest.size()));
        }
        return plain(group, version, rest);
    }

    private static boolean isNamespaceSubresource(String segment) {
        return segment.equals("status") || segment.equals("finalize");
    }

    private static Optional<ResourcePath> namespaced(String group, String version, String namespace,
            List<String> rest) {
        if (rest.size() > 3) {
            return Optional.empty();
        }
        return Optional.of(new ResourcePath(group, version, Optional.of(namespace), rest.get(0), at(rest, 1),
                at(rest, 2)));
    }

    private static Optional<ResourcePath> plain(String group, String version, List<String> rest) {
        if (rest.size() > 3) {
            return Optional.empty();
        }
        return Optional.of(new ResourcePath(group, version, Optional.empty(), rest.get(0), at(rest, 1), at(rest, 2)));
    }

    private static Optional<String> at(List<String> list, int index) {
        return index < list.size() ? Optional.of(list.get(index)) : Optional.empty();
    }
}
