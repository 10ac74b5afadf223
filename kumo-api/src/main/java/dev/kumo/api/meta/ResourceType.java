package dev.kumo.api.meta;

import java.util.List;

/**
 * What the API server and the store know about one kind of resource: its group/version/kind, its REST names and
 * whether it is namespaced and has a {@code /status} subresource.
 */
public record ResourceType(
        String group,
        String version,
        String kind,
        String plural,
        String singular,
        boolean namespaced,
        boolean hasStatus,
        List<String> shortNames,
        List<String> categories) {

    public ResourceType {
        shortNames = List.copyOf(shortNames);
        categories = List.copyOf(categories);
    }

    /** The apiVersion string written in manifests: {@code v1} for the core group, {@code group/version} otherwise. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The key the store files objects under: {@code plural.group}, or just {@code plural} for the core group. */
    public String storageKey() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /** The kind of the list wrapper, e.g. {@code ServiceList}. */
    public String listKind() {
        return kind + "List";
    }
}
