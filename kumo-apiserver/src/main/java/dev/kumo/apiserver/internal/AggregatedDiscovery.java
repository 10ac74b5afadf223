package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.meta.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Aggregated discovery ({@code apidiscovery.k8s.io} v2 and v2beta1, Kubernetes 1.26+): {@code /api} and {@code /apis}
 * answer, when the Accept header asks for it, every group, version and resource in one document, so kubectl needs
 * two requests instead of one per group/version. Without that Accept the legacy documents are served.
 */
final class AggregatedDiscovery {

    /** The versions of the format, preferred first. */
    private static final List<String> VERSIONS = List.of("v2", "v2beta1");

    private final List<KindDefinition> kinds;
    private final List<ResourceType> createOnly;

    AggregatedDiscovery(List<KindDefinition> kinds) {
        this(kinds, List.of());
    }

    /** The document of {@code kinds} and of {@code createOnly}, resources only POSTed to (verbs: create). */
    AggregatedDiscovery(List<KindDefinition> kinds, List<ResourceType> createOnly) {
        this.kinds = List.copyOf(kinds);
        this.createOnly = List.copyOf(createOnly);
    }

    /**
     * The media type to answer {@code accept} with — {@code application/json;g=apidiscovery.k8s.io;v=VERSION;
     * as=APIGroupDiscoveryList} — or empty when the client did not ask for an aggregated document.
     */
    static Optional<String> negotiate(String accept) {
        for (String version : VERSIONS) {
            for (String range : accept.split(",")) {
                List<String> parameters = List.of(range.replace(" ", "").split(";"));
                if (parameters.contains("g=apidiscovery.k8s.io") && parameters.contains("v=" + version)
                        && parameters.contains("as=APIGroupDiscoveryList")) {
                    return Optional.of("application/json;g=apidiscovery.k8s.io;v=" + version
                            + ";as=APIGroupDiscoveryList");
                }
            }
        }
        return Optional.empty();
    }

    /** The document for {@code /api} ({@code core}) or {@code /apis}, in {@code mediaType}'s version. */
    ObjectNode document(boolean core, String mediaType) {
        String version = mediaType.contains("v=v2beta1") ? "v2beta1" : "v2";
        ObjectNode doc = Json.object().put("kind", "APIGroupDiscoveryList")
                .put("apiVersion", "apidiscovery.k8s.io/" + version);
        doc.putObject("metadata");
        ArrayNode items = doc.putArray("items");
        Map<String, Map<String, List<ObjectNode>>> groups = new LinkedHashMap<>();
        kinds.stream().filter(k -> k.type().group().isEmpty() == core).forEach(k -> groups
                .computeIfAbsent(k.type().group(), g -> new LinkedHashMap<>())
                .computeIfAbsent(k.type().version(), v -> new java.util.ArrayList<>()).add(resource(k)));
        createOnly.stream().filter(t -> t.group().isEmpty() == core).forEach(t -> groups
                .computeIfAbsent(t.group(), g -> new LinkedHashMap<>())
                .computeIfAbsent(t.version(), v -> new java.util.ArrayList<>()).add(createOnlyResource(t)));
        groups.forEach((group, versions) -> {
            ObjectNode item = items.addObject();
            ObjectNode metadata = item.putObject("metadata");
            if (!group.isEmpty()) {
                metadata.put("name", group);
            }
            ArrayNode versionList = item.putArray("versions");
            versions.forEach((name, served) -> {
                ObjectNode entry = versionList.addObject().put("version", name).put("freshness", "Current");
                ArrayNode resources = entry.putArray("resources");
                served.forEach(resources::add);
            });
        });
        return doc;
    }

    private static ObjectNode resource(KindDefinition kind) {
        ResourceType type = kind.type();
        ObjectNode resource = Json.object().put("resource", type.plural());
        responseKind(resource, type);
        resource.put("scope", type.namespaced() ? "Namespaced" : "Cluster").put("singularResource", type.singular());
        DiscoveryDocs.VERBS.forEach(resource.putArray("verbs")::add);
        if (!type.shortNames().isEmpty()) {
            type.shortNames().forEach(resource.putArray("shortNames")::add);
        }
        if (!type.categories().isEmpty()) {
            type.categories().forEach(resource.putArray("categories")::add);
        }
        ArrayNode subresources = resource.putArray("subresources");
        if (type.hasStatus()) {
            ObjectNode status = subresources.addObject().put("subresource", "status");
            responseKind(status, type);
            List.of("get", "patch", "update").forEach(status.putArray("verbs")::add);
        }
        for (String name : kind.subresources()) {
            ObjectNode subresource = subresources.addObject().put("subresource", name);
            if (name.equals(ScaleSubresource.NAME)) {
                subresource.putObject("responseKind").put("group", "autoscaling").put("version", "v1")
                        .put("kind", "Scale");
                List.of("get", "patch", "update").forEach(subresource.putArray("verbs")::add);
                continue;
            }
            responseKind(subresource, type);
            subresource.putArray("verbs").add("get");
        }
        if (subresources.isEmpty()) {
            resource.remove("subresources");
        }
        return resource;
    }

    private static ObjectNode createOnlyResource(ResourceType type) {
        ObjectNode resource = Json.object().put("resource", type.plural());
        responseKind(resource, type);
        resource.put("scope", type.namespaced() ? "Namespaced" : "Cluster").put("singularResource", type.singular());
        DiscoveryDocs.CREATE_ONLY.forEach(resource.putArray("verbs")::add);
        return resource;
    }

    private static void responseKind(ObjectNode node, ResourceType type) {
        node.putObject("responseKind").put("group", type.group()).put("version", type.version())
                .put("kind", type.kind());
    }
}
