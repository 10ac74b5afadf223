package dev.kumo.cli.client;

import dev.kumo.api.meta.ResourceType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * REST paths of resources: {@code /apis/{group}/{version}} for named groups, {@code /api/v1} for the core group,
 * a {@code namespaces/{ns}} segment only for namespaced kinds, none for a list across all namespaces.
 */
public final class ResourcePaths {

    private ResourcePaths() {
    }

    /** The collection path; an empty namespace lists across all namespaces. */
    public static String collection(ResourceType type, Optional<String> namespace) {
        String root = type.group().isEmpty() ? "/api/" + type.version()
                : "/apis/" + type.group() + "/" + type.version();
        if (type.namespaced() && namespace.isPresent()) {
            root += "/namespaces/" + segment(namespace.get());
        }
        return root + "/" + type.plural();
    }

    /** The path of one object; the namespace is ignored for cluster-scoped kinds. */
    public static String object(ResourceType type, String namespace, String name) {
        return collection(type, Optional.of(namespace)) + "/" + segment(name);
    }

    /** Percent-encodes one path segment, so that a name can never change the path it is put in. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
