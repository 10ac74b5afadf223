package dev.kumo.controller.apiserversource;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.rbac.authorizer.RbacAuthorizer;
import dev.kumo.api.rbac.authorizer.RbacPolicy;
import dev.kumo.api.sources.ApiServerSource;
import dev.kumo.api.sources.ApiServerSourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an ApiServerSource may read. A source naming a {@code serviceAccountName} other than {@code default} may read
 * what that ServiceAccount's RBAC allows — {@code get}, {@code list} and {@code watch} of each watched resource in
 * each watched namespace, as Knative checks with SubjectAccessReviews ({@link ServiceAccountAccess}) — and the config
 * key does not matter. A source without one (Knative defaults it to {@code default}) may read its own namespace — no
 * other namespace through {@code namespaceSelector}, no cluster-scoped kind — or everything when the server's
 * configuration says {@code apiserversource-cross-namespace: true}, and besides what the {@code default}
 * ServiceAccount's RBAC allows. Secret data is never sent either way.
 *
 * @param crossNamespace whether sources without a ServiceAccount may read other namespaces and cluster-scoped kinds
 * @param kinds the kinds the server serves, to tell the cluster-scoped ones and name their resources
 * @param authorizer evaluates the RBAC of sources' ServiceAccounts
 */
public record SourceAccess(boolean crossNamespace, List<ResourceType> kinds, RbacAuthorizer authorizer) {

    /** The config file key that lets sources without a ServiceAccount read other namespaces. */
    public static final String CONFIG_KEY = "apiserversource-cross-namespace";
    /** SufficientPermissions' reason when a source without a ServiceAccount asks for more than its own namespace. */
    public static final String REFUSED = "CrossNamespaceNotAllowed";
    /** SufficientPermissions' reason when a source's ServiceAccount lacks a verb on a resource it watches. */
    public static final String NOT_AUTHORIZED = ServiceAccountAccess.REASON;
    /** SufficientPermissions' reason when a source watches Secrets in Resource mode: they go without their data. */
    public static final String SECRET_DATA_WITHHELD = "SecretDataWithheld";

    /** The ServiceAccount Knative gives a source that names none. */
    static final String DEFAULT_ACCOUNT = "default";

    /** Namespaces named in a refusal before the rest are counted. */
    private static final int NAMED_NAMESPACES = 10;

    /** Why a source may not run: SufficientPermissions' reason and message. */
    public record Refusal(String reason, String message) {
    }

    public SourceAccess {
        kinds = List.copyOf(kinds);
    }

    /** Sources with a ServiceAccount are bound to nothing: only the config key's rule is of use. */
    public SourceAccess(boolean crossNamespace, List<ResourceType> kinds) {
        this(crossNamespace, kinds, new RbacAuthorizer(RbacPolicy.NONE));
    }

    /** Whether a source without a ServiceAccount living in {@code home} may read objects of {@code namespace}. */
    public boolean mayRead(String home, String namespace) {
        return crossNamespace || home.equals(namespace);
    }

    /** Whether {@code source} may read its resources in {@code namespace} (one it came to select). */
    public boolean mayRead(ApiServerSource source, String namespace) {
        boolean byRbac = rbac().missing(source, List.of(namespace)).isEmpty();
        return serviceAccount(source).isPresent() ? byRbac
                : byRbac || mayRead(source.metadata().namespace(), namespace);
    }

    /** Whether {@code type} is a kind no source without a ServiceAccount may read unless it may read across. */
    public boolean refuses(ResourceType type) {
        return !crossNamespace && !type.namespaced();
    }

    /** Whether {@code source} may not read {@code type} at all (its ServiceAccount's RBAC was checked already). */
    public boolean refuses(ApiServerSource source, ResourceType type) {
        return serviceAccount(source).isEmpty() && refuses(type)
                && rbac().missing(source, List.of(source.metadata().namespace())).isPresent();
    }

    /**
     * Why {@code source}, watching {@code namespaces}, may not run: with a ServiceAccount, the verbs and resources its
     * RBAC does not allow; without, the namespaces and kinds it asks for beyond its own namespace, and the fix; empty
     * when it may.
     */
    public Optional<Refusal> refusal(ApiServerSource source, List<String> namespaces) {
        Optional<String> missing = rbac().missing(source, namespaces);
        if (serviceAccount(source).isPresent() || missing.isEmpty()) {
            return missing.map(message -> new Refusal(NOT_AUTHORIZED, message));
        }
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
        return Optional.of(new Refusal(REFUSED, "ApiServerSource " + home + "/" + source.metadata().name()
                + " may read only its own namespace \"" + home + "\" (as the \"default\" ServiceAccount, whose RBAC "
                + "allows no more); refused: "
                + String.join(", ", refused) + ". Watch only namespace \"" + home + "\" (no spec.namespaceSelector, "
                + "namespaced kinds only), give it a spec.serviceAccountName whose RBAC allows get, list and watch, "
                + "or let sources without one read every namespace with \"" + CONFIG_KEY + ": true\" in the server's "
                + "config file (kumo server --config FILE)"));
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

    /** The ServiceAccount {@code source} reads as, when it names one other than Knative's default. */
    static Optional<String> serviceAccount(ApiServerSource source) {
        return Optional.ofNullable(source.spec().serviceAccountName())
                .filter(name -> !name.isEmpty() && !name.equals(DEFAULT_ACCOUNT));
    }

    private ServiceAccountAccess rbac() {
        return new ServiceAccountAccess(authorizer, kinds);
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
