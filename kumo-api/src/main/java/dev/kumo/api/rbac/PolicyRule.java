package dev.kumo.api.rbac;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One rule of a Role or ClusterRole: the verbs it allows on resources of API groups (optionally only the objects
 * named), or on non-resource URLs ({@code /healthz}, {@code /apis/*}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PolicyRule(List<String> verbs, List<String> apiGroups, List<String> resources,
        List<String> resourceNames, List<String> nonResourceURLs) {

    public PolicyRule {
        verbs = orEmpty(verbs);
        apiGroups = orEmpty(apiGroups);
        resources = orEmpty(resources);
        resourceNames = orEmpty(resourceNames);
        nonResourceURLs = orEmpty(nonResourceURLs);
    }

    /** A rule on resources of {@code apiGroups}. */
    public static PolicyRule resources(List<String> verbs, List<String> apiGroups, List<String> resources) {
        return new PolicyRule(verbs, apiGroups, resources, List.of(), List.of());
    }

    /** A rule on non-resource URLs. */
    public static PolicyRule urls(List<String> verbs, List<String> urls) {
        return new PolicyRule(verbs, List.of(), List.of(), List.of(), urls);
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
