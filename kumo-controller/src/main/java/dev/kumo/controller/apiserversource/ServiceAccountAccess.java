package dev.kumo.controller.apiserversource;

import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.rbac.authorizer.Attributes;
import dev.kumo.api.rbac.authorizer.RbacAuthorizer;
import dev.kumo.api.rbac.authorizer.UserInfo;
import dev.kumo.api.sources.ApiServerSource;
import dev.kumo.api.sources.ApiServerSourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Knative's access check of an ApiServerSource ({@code runAccessCheck}): may its ServiceAccount
 * ({@code system:serviceaccount:NS:NAME}, with the ServiceAccount groups) {@code get}, {@code list} and
 * {@code watch} each resource it watches in each namespace it watches? What is missing is worded as Knative does:
 * {@code User system:serviceaccount:default:events-sa cannot get, list, watch resource "events" in API group ""}.
 */
record ServiceAccountAccess(RbacAuthorizer authorizer, List<ResourceType> kinds) {

    /** SufficientPermissions' reason when the ServiceAccount lacks a verb. */
    static final String REASON = "InsufficientPermissions";

    private static final List<String> VERBS = List.of("get", "list", "watch");

    /** What {@code source}'s ServiceAccount may not do in {@code namespaces}; empty when it may do it all. */
    Optional<String> missing(ApiServerSource source, List<String> namespaces) {
        String namespace = source.metadata().namespace();
        String account = SourceAccess.serviceAccount(source).orElse(SourceAccess.DEFAULT_ACCOUNT);
        UserInfo user = UserInfo.serviceAccount(namespace, account);
        List<String> missing = new ArrayList<>();
        for (ApiServerSourceSpec.Resource resource : source.spec().resourcesOrEmpty()) {
            String group = resource.apiVersion().contains("/")
                    ? resource.apiVersion().substring(0, resource.apiVersion().indexOf('/')) : "";
            Optional<ResourceType> served = type(resource);
            String plural = served.map(ResourceType::plural).orElseGet(() -> guessedPlural(resource));
            // Kubernetes checks a cluster-scoped kind with no namespace, so that only ClusterRoleBindings count.
            List<String> scopes = served.isPresent() && !served.get().namespaced() ? List.of("") : namespaces;
            List<String> verbs = VERBS.stream().filter(verb -> scopes.stream().anyMatch(ns ->
                    !authorizer.authorize(user, Attributes.Resource.of(verb, group, plural, ns)).allowed())).toList();
            if (!verbs.isEmpty()) {
                missing.add(String.join(", ", verbs) + " resource \"" + plural + "\" in API group \"" + group + "\"");
            }
        }
        return missing.isEmpty() ? Optional.empty()
                : Optional.of("User " + user.name() + " cannot " + String.join(", ", missing));
    }

    /** The served kind {@code resource} names, if Kumo serves it. */
    private Optional<ResourceType> type(ApiServerSourceSpec.Resource resource) {
        return kinds.stream().filter(t -> t.apiVersion().equals(resource.apiVersion())
                && t.kind().equals(resource.kind())).findFirst();
    }

    /** Kubernetes' guess of a kind's plural ({@code UnsafeGuessKindToResource}). */
    private static String guessedPlural(ApiServerSourceSpec.Resource resource) {
        String kind = resource.kind().toLowerCase(Locale.ROOT);
        if (kind.endsWith("s")) {
            return kind + "es";
        }
        return kind.endsWith("y") ? kind.substring(0, kind.length() - 1) + "ies" : kind + "s";
    }
}
