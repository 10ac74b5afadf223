package dev.kumo.controller.apiserversource;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.sources.ApiServerSource;
import dev.kumo.api.sources.ApiServerSourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an ApiServerSource may read while Kumo does not evaluate RBAC (Knative checks the source's ServiceAccount
 * with SubjectAccessReviews): by default only its own namespace — no other namespace through
 * {@code namespaceSelector}, no cluster-scoped kind — and everything when the server's configuration says
 * {@code apiserversource-cross-namespace: true}. Secret data is never sent either way.
 *
 * @param crossNamespace whether sources may read other namespaces and cluster-scoped kinds
 * @param kinds the kinds the server serves, to tell the cluster-scoped ones
 */
public record SourceAccess(boolean crossNamespace, List<ResourceType> kinds) {

    /** The config file key that lets sources read other namespaces. */
    public static final String CONFIG_KEY = "apiserversource-cross-namespace";
    /** SufficientPermissions' reason when a source asks for more than its own namespace. */
    public static final String REFUSED = "CrossNamespaceNotAllowed";
    /** SufficientPermissions' reason when a source watches Secrets in Resource mode: they go without their data. */
    public static final String SECRET_DATA_WITHHELD = "SecretDataWithheld";

    /** Namespaces named in a refusal before the rest are counted. */
    private static final int NAMED_NAMESPACES = 10;

    public SourceAccess {
        kinds = List.copyOf(kinds);
    }

    /** Whether a source living in {@code home} may read objects of {@code namespace}. */
    public boolean mayRead(String home, String namespace) {
        return crossNamespace || home.equals(namespace);
    }

    /** Whether {@code type} is a kind no source may read unless it may read across namespaces. */
    public boolean refuses(ResourceType type) {
        return !crossNamespace && !type.namespaced();
    }

    /**
     * Why {@code source}, watching {@code namespaces}, may not run: the namespaces and kinds it asks for beyond its
     * own namespace, and the fix; empty when it may.
     */
    public Optional<String> refusal(ApiServerSource source, List<String> namespaces) {
        String home = source.metadata().namespace();
        List<String> refused = new ArrayList<>();
        List<String> others = namespaces.stream().filter(n -> !mayRead(home, n)).toList();
        if (!others.isEmpty()) {
            refused.add((others.size() == 1 ? "namespace " : "namespaces ") + names(others)
                    + " (selected by spec.namespaceSelector)");
        }
        List<ApiServerSourceSpec.Resource> resources = source.spec().resourcesOrEmpty();
        for (int i = 0; i < resources.size(); i++) {
            Optional<ResourceType> type = type(resources.get(i));
            if (type.isPresent() && refuses(type.get())) {
                refused.add("the cluster-scoped kind " + type.get().apiVersion() + " " + type.get().kind()
                        + " (spec.resources[" + i + "])");
            }
        }
        if (refused.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("ApiServerSource " + home + "/" + source.metadata().name() + " may read only its own "
                + "namespace \"" + home + "\" (Kumo does not evaluate RBAC yet); refused: " + String.join(", ", refused)
                + ". Watch only namespace \"" + home + "\" (no spec.namespaceSelector, namespaced kinds only), or let "
                + "sources read every namespace with \"" + CONFIG_KEY + ": true\" in the server's config file "
                + "(kumo server --config FILE)");
    }

    /** What a source told of Secrets gets instead of their data, when it is in Resource mode. */
    public Optional<String> withheld(ApiServerSource source) {
        if (!ApiServerSource.RESOURCE_MODE.equals(source.spec().mode())) {
            return Optional.empty();
        }
        List<ApiServerSourceSpec.Resource> resources = source.spec().resourcesOrEmpty();
        for (int i = 0; i < resources.size(); i++) {
            if (type(resources.get(i)).filter(ResourceTypes.SECRET::equals).isPresent()) {
                return Optional.of("Secrets (spec.resources[" + i + "]) are sent without data, stringData and the "
                        + "kubectl.kubernetes.io/last-applied-configuration annotation: Kumo never sends Secret data");
            }
        }
        return Optional.empty();
    }

    private Optional<ResourceType> type(ApiServerSourceSpec.Resource resource) {
        return kinds.stream().filter(t -> t.apiVersion().equals(resource.apiVersion())
                && t.kind().equals(resource.kind())).findFirst();
    }

    private static String names(List<String> namespaces) {
        String named = String.join(", ", namespaces.stream().limit(NAMED_NAMESPACES).map(n -> "\"" + n + "\"")
                .toList());
        return namespaces.size() <= NAMED_NAMESPACES ? named
                : named + " and " + (namespaces.size() - NAMED_NAMESPACES) + " more";
    }
}
