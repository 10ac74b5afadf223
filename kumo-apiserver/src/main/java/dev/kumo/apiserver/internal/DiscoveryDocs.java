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
 * Legacy (JSON) discovery documents: {@code /api}, {@code /apis}, {@code /apis/{g}} and resource lists, built from
 * the kinds' definitions (names, scope, {@code /status} and other subresources) and the create-only resources the
 * server answers without storing them (the access reviews).
 */
final class DiscoveryDocs {

    static final List<String> VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    /** What a create-only resource allows. */
    static final List<String> CREATE_ONLY = List.of("create");

    private final List<KindDefinition> kinds;
    private final List<ResourceType> types;
    private final List<ResourceType> createOnly;

    DiscoveryDocs(List<KindDefinition> kinds) {
        this(kinds, List.of());
    }

    /** Discovery of {@code kinds} and of {@code createOnly}, resources only POSTed to (verbs: create). */
    DiscoveryDocs(List<KindDefinition> kinds, List<ResourceType> createOnly) {
        this.kinds = List.copyOf(kinds);
        this.createOnly = List.copyOf(createOnly);
        List<ResourceType> all = new java.util.ArrayList<>(kinds.stream().map(KindDefinition::type).toList());
        all.addAll(createOnly);
        this.types = List.copyOf(all);
    }

    ObjectNode apiVersions() {
        ObjectNode doc = Json.object().put("kind", "APIVersions");
        doc.putArray("versions").add("v1");
        doc.putArray("serverAddressByClientCIDRs").addObject().put("clientCIDR", "0.0.0.0/0")
                .put("serverAddress", "127.0.0.1");
        return doc;
    }

    ObjectNode groupList() {
        ObjectNode doc = Json.object().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = doc.putArray("groups");
        groupVersions().forEach((group, versions) -> groups.add(group(group, versions)));
        return doc;
    }

    Optional<ObjectNode> group(String name) {
        List<String> versions = groupVersions().get(name);
        return versions == null ? Optional.empty()
                : Optional.of(group(name, versions).put("kind", "APIGroup").put("apiVersion", "v1"));
    }

    /** The APIResourceList of one group/version, or empty if Kumo serves nothing there. */
    Optional<ObjectNode> resourceList(String group, String version) {
        List<KindDefinition> served = kinds.stream()
                .filter(k -> k.type().group().equals(group) && k.type().version().equals(version)).toList();
        List<ResourceType> created = createOnly.stream()
                .filter(t -> t.group().equals(group) && t.version().equals(version)).toList();
        if (served.isEmpty() && created.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode doc = Json.object().put("kind", "APIResourceList").put("apiVersion", "v1")
                .put("groupVersion", group.isEmpty() ? version : group + "/" + version);
        ArrayNode resources = doc.putArray("resources");
        for (ResourceType type : created) {
            ObjectNode resource = resources.addObject().put("name", type.plural())
                    .put("singularName", type.singular()).put("namespaced", type.namespaced())
                    .put("kind", type.kind());
            CREATE_ONLY.forEach(resource.putArray("verbs")::add);
        }
        for (KindDefinition kind : served) {
            ResourceType type = kind.type();
            ObjectNode resource = resources.addObject().put("name", type.plural())
                    .put("singularName", type.singular()).put("namespaced", type.namespaced())
                    .put("kind", type.kind());
            VERBS.forEach(resource.putArray("verbs")::add);
            if (!type.shortNames().isEmpty()) {
                type.shortNames().forEach(resource.putArray("shortNames")::add);
            }
            if (!type.categories().isEmpty()) {
                type.categories().forEach(resource.putArray("categories")::add);
            }
            if (type.hasStatus()) {
                ObjectNode status = resources.addObject().put("name", type.plural() + "/status")
                        .put("singularName", "").put("namespaced", type.namespaced()).put("kind", type.kind());
                List.of("get", "patch", "update").forEach(status.putArray("verbs")::add);
            }
            for (String subresource : kind.subresources()) {
                if (subresource.equals(ScaleSubresource.NAME)) {
                    ObjectNode scale = resources.addObject().put("name", type.plural() + "/" + subresource)
                            .put("singularName", "").put("namespaced", type.namespaced()).put("group", "autoscaling")
                            .put("version", "v1").put("kind", "Scale");
                    List.of("get", "patch", "update").forEach(scale.putArray("verbs")::add);
                    continue;
                }
                resources.addObject().put("name", type.plural() + "/" + subresource).put("singularName", "")
                        .put("namespaced", type.namespaced()).put("kind", type.kind()).putArray("verbs").add("get");
            }
        }
        return Optional.of(doc);
    }

    private Map<String, List<String>> groupVersions() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (ResourceType type : types) {
            if (!type.group().isEmpty()) {
                List<String> versions = groups.computeIfAbsent(type.group(), g -> new java.util.ArrayList<>());
                if (!versions.contains(type.version())) {
                    versions.add(type.version());
                }
            }
        }
        return groups;
    }

    private static ObjectNode group(String name, List<String> versions) {
        ObjectNode group = Json.object().put("name", name);
        ArrayNode list = group.putArray("versions");
        versions.forEach(v -> list.addObject().put("groupVersion", name + "/" + v).put("version", v));
        group.putObject("preferredVersion").put("groupVersion", name + "/" + versions.get(0))
                .put("version", versions.get(0));
        return group;
    }
}
