package dev.kumo.controller.service;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.controller.events.EventRecorder;

import dev.kumo.api.codec.Json;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.serving.Configuration;
import dev.kumo.api.serving.Route;
import dev.kumo.api.serving.Service;
import dev.kumo.controller.client.MetadataEdits;
import dev.kumo.controller.client.Owners;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Reconciler;
import dev.kumo.controller.engine.Result;
import dev.kumo.controller.service.resources.MakeConfiguration;
import dev.kumo.controller.service.resources.MakeRoute;
import dev.kumo.controller.service.resources.ServiceNames;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps a Service's Configuration and Route as the Service says (creating them, or updating their spec, labels
 * and annotations) and mirrors their status in the Service's.
 */
public final class ServiceReconciler implements Reconciler {

    private final TypedStore<Service> services;
    private final TypedStore<Configuration> configurations;
    private final TypedStore<Route> routes;
    private final InstantSource clock;
    private final EventRecorder events;

    public ServiceReconciler(TypedStore<Service> services, TypedStore<Configuration> configurations,
            TypedStore<Route> routes, InstantSource clock) {
        this(services, configurations, routes, clock, EventRecorder.NONE);
    }

    /** A reconciler recording the children it creates as Events ({@code Created}, as Knative's does). */
    public ServiceReconciler(TypedStore<Service> services, TypedStore<Configuration> configurations,
            TypedStore<Route> routes, InstantSource clock, EventRecorder events) {
        this.services = services;
        this.configurations = configurations;
        this.routes = routes;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Result reconcile(NamespacedName key) {
        Optional<Service> found = services.get(key.namespace(), key.name());
        if (found.isEmpty() || found.get().metadata().deletionTimestamp() != null) {
            return Result.done();
        }
        Service service = found.get();
        ServiceLifecycle status = new ServiceLifecycle(service.status(), clock);
        Optional<Configuration> configuration = configuration(service, status);
        Optional<Route> route = route(service, status);
        if (configuration.isPresent() && route.isPresent()) {
            TrafficMigration.check(configuration.get(), route.get(), status);
        }
        services.updateStatusIfChanged(service, service.withStatus(status.toStatus(service.metadata().generation())),
                Service::status);
        return Result.done();
    }

    private Optional<Configuration> configuration(Service service, ServiceLifecycle status) {
        String name = ServiceNames.configuration(service);
        Optional<Configuration> existing = configurations.get(service.metadata().namespace(), name);
        if (existing.isPresent() && !Owners.isControlledBy(existing.get(), service)) {
            status.markConfigurationNotOwned(name);
            return Optional.empty();
        }
        Configuration desired = MakeConfiguration.from(service, existing);
        Configuration configuration;
        if (existing.isEmpty()) {
            configuration = configurations.createControlledBy(desired, services, service);
            events.normal(EventRecorder.about(ResourceTypes.SERVICE, service.metadata()), "Created",
                    "Created Configuration \"" + configuration.metadata().name() + "\"");
        } else if (differs(desired, existing.get(), desired.spec(), existing.get().spec())) {
            configuration = configurations.update(existing.get().withSpec(desired.spec())
                    .withMetadata(edited(existing.get(), desired)));
        } else {
            configuration = existing.get();
        }
        if (!Objects.equals(configuration.metadata().generation(), observedGeneration(configuration))) {
            status.markConfigurationNotReconciled();
        } else {
            status.propagateConfigurationStatus(configuration.status());
        }
        return Optional.of(configuration);
    }

    private Optional<Route> route(Service service, ServiceLifecycle status) {
        String name = ServiceNames.route(service);
        Optional<Route> existing = routes.get(service.metadata().namespace(), name);
        if (existing.isPresent() && !Owners.isControlledBy(existing.get(), service)) {
            status.markRouteNotOwned(name);
            return Optional.empty();
        }
        Route desired = MakeRoute.from(service);
        Route route;
        if (existing.isEmpty()) {
            route = routes.createControlledBy(desired, services, service);
            events.normal(EventRecorder.about(ResourceTypes.SERVICE, service.metadata()), "Created",
                    "Created Route \"" + route.metadata().name() + "\"");
        } else if (differs(desired, existing.get(), desired.spec(), existing.get().spec())) {
            route = routes.update(existing.get().withSpec(desired.spec()).withMetadata(edited(existing.get(), desired)));
        } else {
            route = existing.get();
        }
        if (!Objects.equals(route.metadata().generation(), route.status() == null ? null
                : route.status().observedGeneration())) {
            status.markRouteNotReconciled();
        } else {
            status.propagateRouteStatus(route.status());
        }
        return Optional.of(route);
    }

    private static Long observedGeneration(Configuration configuration) {
        return configuration.status() == null ? null : configuration.status().observedGeneration();
    }

    /** Whether spec, labels or annotations differ (the rest of the child's metadata is its own). */
    private static boolean differs(HasMetadata desired, HasMetadata existing, Object desiredSpec,
            Object existingSpec) {
        return !Json.toTree(desiredSpec).equals(Json.toTree(existingSpec))
                || !desired.metadata().labelsOrEmpty().equals(existing.metadata().labelsOrEmpty())
                || !desired.metadata().annotationsOrEmpty().equals(existing.metadata().annotationsOrEmpty());
    }

    private static ObjectMeta edited(HasMetadata existing, HasMetadata desired) {
        return MetadataEdits.withLabelsAndAnnotations(existing.metadata(), desired.metadata().labels(),
                desired.metadata().annotations());
    }
}
