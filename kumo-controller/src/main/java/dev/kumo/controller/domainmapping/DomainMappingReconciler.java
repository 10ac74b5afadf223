package dev.kumo.controller.domainmapping;

import dev.kumo.api.duck.KReference;
import dev.kumo.api.meta.Condition;
import dev.kumo.api.serving.DomainMapping;
import dev.kumo.api.serving.Route;
import dev.kumo.api.serving.Service;
import dev.kumo.api.serving.lifecycle.ConditionSet;
import dev.kumo.api.serving.lifecycle.RouteConditions;
import dev.kumo.api.serving.lifecycle.ServiceConditions;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Reconciler;
import dev.kumo.controller.engine.Result;
import dev.kumo.controller.route.RouteUrls;
import dev.kumo.controller.route.RoutingSink;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Claims a DomainMapping's domain (the first mapping of a name holds it), resolves its Service (or Route) and has the
 * router serve the domain as that Service's Route ({@link RoutingSink#map}), as Knative's reconciler does with an Ingress.
 * A mapping that loses the claim or whose Service is gone is not served.
 */
public final class DomainMappingReconciler implements Reconciler {

    private final TypedStore<DomainMapping> mappings;
    private final TypedStore<Service> services;
    private final TypedStore<Route> routes;
    private final RoutingSink routing;
    private final RouteUrls urls;
    private final InstantSource clock;

    DomainMappingReconciler(TypedStore<DomainMapping> mappings, TypedStore<Service> services,
            TypedStore<Route> routes, RoutingSink routing,
            RouteUrls urls, InstantSource clock) {
        this.mappings = mappings;
        this.services = services;
        this.routes = routes;
        this.routing = routing;
        this.urls = urls;
        this.clock = clock;
    }

    @Override
    public Result reconcile(NamespacedName key) {
        Optional<DomainMapping> found = mappings.get(key.namespace(), key.name());
        if (found.isEmpty() || found.get().metadata().deletionTimestamp() != null) {
            routing.unmap(key);
            return Result.done();
        }
        DomainMapping mapping = found.get();
        DomainMappingLifecycle status = new DomainMappingLifecycle(mapping.status(), clock);
        status.setUrl(urls.url(key.name()));
        if (claim(mapping, status)) {
            certificate(mapping, status);
            resolve(mapping, status).ifPresentOrElse(referent -> serve(key, referent, status),
                    () -> routing.unmap(key));
        } else {
            routing.unmap(key);
        }
        mappings.updateStatusIfChanged(mapping, mapping.withStatus(status.toStatus(mapping.metadata().generation())),
                DomainMapping::status);
        return Result.done();
    }

    /** Whether this mapping holds its domain among every namespace's mappings of the same name. */
    private boolean claim(DomainMapping mapping, DomainMappingLifecycle status) {
        List<DomainMapping> sameName = mappings.listAll().stream()
                .filter(m -> m.metadata().name().equals(mapping.metadata().name())).toList();
        String holder = DomainClaims.holder(sameName).map(m -> m.metadata().namespace())
                .orElse(mapping.metadata().namespace());
        if (!holder.equals(mapping.metadata().namespace())) {
            status.markDomainAlreadyClaimed(holder);
            return false;
        }
        status.markDomainClaimed();
        return true;
    }

    private static void certificate(DomainMapping mapping, DomainMappingLifecycle status) {
        if (mapping.spec().tls() == null) {
            status.markCertificateNotRequired();
        } else {
            status.markCertificateNotSupported(mapping.spec().tls().secretName());
        }
    }

    /**
     * The Route the reference comes down to: a Knative Service's (a {@code v1} Service is the one Knative gives that
     * Service), or the Route named.
     */
    private Optional<Referent> resolve(DomainMapping mapping, DomainMappingLifecycle status) {
        String namespace = mapping.metadata().namespace();
        KReference ref = mapping.spec().ref();
        boolean route = "Route".equals(ref.kind());
        Optional<Referent> found = route
                ? routes.get(namespace, ref.name()).map(r -> new Referent("Route", ref.name(),
                        r.status() == null ? null : r.status().conditions(), RouteConditions.SET))
                : services.get(namespace, ref.name()).map(s -> new Referent("Service", ref.name(),
                        s.status() == null ? null : s.status().conditions(), ServiceConditions.SET));
        if (found.isEmpty()) {
            status.markReferenceNotResolved((route ? "routes" : "services") + ".serving.knative.dev \"" + ref.name()
                    + "\" not found in namespace \"" + namespace + "\": create it, or point spec.ref.name at an "
                    + "existing one");
        } else {
            status.markReferenceResolved();
        }
        return found;
    }

    /** What a reference resolved to: the Route serving it (of the same name) and whether it is Ready. */
    private record Referent(String kind, String name, List<Condition> conditions, ConditionSet set) {
    }

    private void serve(NamespacedName key, Referent referent, DomainMappingLifecycle status) {
        routing.map(key, key.name(), new NamespacedName(key.namespace(), referent.name()));
        if (referent.set().isReady(referent.conditions())) {
            status.markIngressReady();
        } else {
            status.markIngressNotReady(referent.kind() + "NotReady", referent.kind() + " \"" + referent.name()
                    + "\" is not Ready yet: the domain answers once it is");
        }
    }
}
