package dev.kumo.controller.apiserversource;

import static dev.kumo.api.sources.lifecycle.SourceConditions.SUFFICIENT_PERMISSIONS;

import dev.kumo.api.core.Namespace;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.sources.ApiServerSource;
import dev.kumo.api.sources.lifecycle.SourceConditions;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.duck.DestinationResolver;
import dev.kumo.controller.duck.Tracker;
import dev.kumo.controller.engine.Controller;
import dev.kumo.controller.engine.Engine;
import dev.kumo.controller.engine.KeyMapper;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.source.Sinks;
import dev.kumo.controller.source.SourceReconciler;
import dev.kumo.controller.source.SourceRunner;
import dev.kumo.store.ResourceStore;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Wires the ApiServerSource reconciler (a {@link SourceReconciler} whose runner watches the store): its primary
 * kind, the addressables the sinks name, Namespaces — as Knative's controller, any namespace change re-reconciles
 * the sources with a {@code namespaceSelector}, so {@code status.namespaces} follows — and RBAC's roles and bindings,
 * whose changes re-decide SufficientPermissions of the sources with a {@code serviceAccountName}.
 */
public final class ApiServerSourceController {

    public static final String NAME = "apiserversources";

    private ApiServerSourceController() {
    }

    /** Registers the controller with {@code engine}; sources may read what {@code access} allows. */
    public static void register(Engine engine, ResourceStore store, InstantSource clock,
            SourceRunner<ApiServerSource> runner, SourceAccess access) {
        Tracker tracker = new Tracker();
        Controller controller = DestinationResolver.watchingAddressables(Controller.of(NAME,
                ResourceTypes.API_SERVER_SOURCE, reconciler(store, clock, runner, tracker, access)), tracker)
                .watching(ResourceTypes.NAMESPACE, selectingSources(sources(store)));
        for (ResourceType rbac : List.of(ResourceTypes.ROLE, ResourceTypes.ROLE_BINDING, ResourceTypes.CLUSTER_ROLE,
                ResourceTypes.CLUSTER_ROLE_BINDING)) {
            controller = controller.watching(rbac, withServiceAccounts(sources(store)));
        }
        engine.register(controller);
    }

    /** The reconciler alone, for tests that call it directly. */
    public static SourceReconciler<ApiServerSource> reconciler(ResourceStore store, InstantSource clock,
            SourceRunner<ApiServerSource> runner, Tracker tracker, SourceAccess access) {
        return new SourceReconciler<>(sources(store), kind(new TypedStore<>(store, ResourceTypes.NAMESPACE,
                Namespace.class), access), new Sinks(new DestinationResolver(store), tracker), runner, clock);
    }

    /**
     * Ready from SinkProvided, Deployed and SufficientPermissions, Knative's RBAC check: False, and the source not
     * run, when it asks for more than {@code access} allows (its ServiceAccount's RBAC, or without one other
     * namespaces and cluster-scoped kinds);
     * True with a reason when it is told of Secrets without their data. The watched namespaces go to
     * {@code status.namespaces}, as Knative reports them.
     */
    static SourceReconciler.Kind<ApiServerSource> kind(TypedStore<Namespace> namespaces, SourceAccess access) {
        return SourceReconciler.Kind.deployedIfAllowed(SourceConditions.API_SERVER_SOURCE, s -> s.spec().sink(),
                ApiServerSource::status, ApiServerSource::withStatus, (source, status) -> {
                    List<String> watched = WatchedNamespaces.of(source,
                            WatchedNamespaces.selector(source.spec()).isEmpty() ? List.of() : namespaces.listAll());
                    status.setNamespaces(watched);
                    Optional<SourceAccess.Refusal> refusal = access.refusal(source, watched);
                    if (refusal.isPresent()) {
                        status.markFalse(SUFFICIENT_PERMISSIONS, refusal.get().reason(), refusal.get().message());
                        return false;
                    }
                    access.withheld(source).ifPresentOrElse(
                            why -> status.markTrue(SUFFICIENT_PERMISSIONS, SourceAccess.SECRET_DATA_WITHHELD, why),
                            () -> status.markTrue(SUFFICIENT_PERMISSIONS));
                    return true;
                });
    }

    /** Any change of a role or binding concerns every source whose ServiceAccount's RBAC decides what it reads. */
    private static KeyMapper withServiceAccounts(TypedStore<ApiServerSource> sources) {
        return changed -> sources.listAll().stream()
                .filter(s -> s.spec() != null && SourceAccess.serviceAccount(s).isPresent())
                .map(s -> new NamespacedName(s.metadata().namespace(), s.metadata().name())).toList();
    }

    /** Any namespace change concerns every source that selects namespaces (Knative resyncs them all). */
    private static KeyMapper selectingSources(TypedStore<ApiServerSource> sources) {
        return namespace -> sources.listAll().stream()
                .filter(s -> s.spec() != null && WatchedNamespaces.selector(s.spec()).isPresent())
                .map(s -> new NamespacedName(s.metadata().namespace(), s.metadata().name())).toList();
    }

    private static TypedStore<ApiServerSource> sources(ResourceStore store) {
        return new TypedStore<>(store, ResourceTypes.API_SERVER_SOURCE, ApiServerSource.class);
    }
}
