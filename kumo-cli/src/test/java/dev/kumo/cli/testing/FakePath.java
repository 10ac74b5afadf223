package dev.kumo.cli.testing;

import dev.kumo.api.meta.ResourceType;
import dev.kumo.cli.client.KindCatalog;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A resource path as a Kubernetes API server reads it: {@code /api/v1/...} or {@code /apis/{group}/{version}/...},
 * then {@code namespaces/{ns}/} for namespaced kinds, the plural and an optional name.
 */
record FakePath(ResourceType type, Optional<String> namespace, Optional<String> name) {

    /** The kinds the CLI knows, and the CustomResourceDefinitions a server lists (kn's {@code list-types}). */
    static final List<ResourceType> TYPES = java.util.stream.Stream.concat(KindCatalog.types().stream(),
            java.util.stream.Stream.of(dev.kumo.api.apiextensions.ApiExtensionsKinds.CUSTOM_RESOURCE_DEFINITION))
            .toList();

    static Optional<FakePath> parse(String path) {
        List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        String group;
        List<String> rest;
        if (segments.size() >= 3 && segments.get(0).equals("api")) {
            group = "";
            rest = segments.subList(2, segments.size());
        } else if (segments.size() >= 4 && segments.get(0).equals("apis")) {
            group = segments.get(1);
            rest = segments.subList(3, segments.size());
        } else {
            return Optional.empty();
        }
        String version = segments.get(group.isEmpty() ? 1 : 2);
        Optional<String> namespace = Optional.empty();
        if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
            namespace = Optional.of(rest.get(1));
            rest = rest.subList(2, rest.size());
        }
        if (rest.isEmpty() || rest.size() > 2) {
            return Optional.empty();
        }
        String plural = rest.get(0);
        Optional<String> name = rest.size() == 2 ? Optional.of(rest.get(1)) : Optional.empty();
        Optional<String> ns = namespace;
        return TYPES.stream().filter(t -> t.group().equals(group) && t.version().equals(version)
                        && t.plural().equals(plural)).findFirst()
                .filter(t -> t.namespaced() || ns.isEmpty())
                .map(t -> new FakePath(t, ns, name));
    }

    /** The key the object is stored under. */
    String key() {
        return key(type, namespace.orElse(""), name.orElseThrow());
    }

    static String key(ResourceType type, String namespace, String name) {
        return type.storageKey() + "/" + (type.namespaced() ? namespace : "") + "/" + name;
    }
}
