package dev.kumo.controller.service;

import static dev.kumo.api.serving.lifecycle.ServiceConditions.CONFIGURATIONS_READY;
import static dev.kumo.api.serving.lifecycle.ServiceConditions.ROUTES_READY;
import static dev.kumo.api.serving.lifecycle.ServiceConditions.SET;

import dev.kumo.api.meta.Condition;
import dev.kumo.api.serving.ConfigurationStatus;
import dev.kumo.api.serving.RouteStatus;
import dev.kumo.api.serving.ServiceStatus;
import dev.kumo.api.serving.lifecycle.ConditionSet;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/** A Service's status being reconciled, changed only through named mutators (as Knative's lifecycle). */
final class ServiceLifecycle {

    static final String NOT_OWNED = "NotOwned";
    static final String OUT_OF_DATE = "OutOfDate";
    static final String TRAFFIC_NOT_MIGRATED = "TrafficNotMigrated";

    private final ServiceStatus original;
    private final InstantSource clock;
    private List<Condition> conditions;
    private ServiceStatus fields;

    ServiceLifecycle(ServiceStatus current, InstantSource clock) {
        this.original = current == null ? ServiceStatus.EMPTY : current;
        this.clock = clock;
        this.conditions = SET.initialize(original.conditions(), clock);
        this.fields = original;
    }

    void markConfigurationNotOwned(String name) {
        conditions = SET.markFalse(conditions, CONFIGURATIONS_READY, NOT_OWNED,
                "There is an existing Configuration \"" + name + "\" that we do not own.", clock);
    }

    void markRouteNotOwned(String name) {
        conditions = SET.markFalse(conditions, ROUTES_READY, NOT_OWNED,
                "There is an existing Route \"" + name + "\" that we do not own.", clock);
    }

    void markConfigurationNotReconciled() {
        conditions = SET.markUnknown(conditions, CONFIGURATIONS_READY, OUT_OF_DATE,
                "The Configuration is still working to reflect the latest desired specification.", clock);
    }

    void markRouteNotReconciled() {
        conditions = SET.markUnknown(conditions, ROUTES_READY, OUT_OF_DATE,
                "The Route is still working to reflect the latest desired specification.", clock);
    }

    void markRouteNotYetReady() {
        conditions = SET.markUnknown(conditions, ROUTES_READY, TRAFFIC_NOT_MIGRATED,
                "Traffic is not yet migrated to the latest revision.", clock);
    }

    /** ConfigurationsReady mirrors the Configuration's Ready; its latest Revision names are copied. */
    void propagateConfigurationStatus(ConfigurationStatus status) {
        fields = fields.toBuilder().conditions(null).latestReadyRevisionName(status.latestReadyRevisionName())
                .latestCreatedRevisionName(status.latestCreatedRevisionName()).build();
        conditions = mirror(CONFIGURATIONS_READY, ConditionSet.find(status.conditions(), "Ready"));
    }

    /** RoutesReady mirrors the Route's Ready; its URL, address and traffic are copied. */
    void propagateRouteStatus(RouteStatus status) {
        fields = fields.toBuilder().conditions(null).url(status.url()).address(status.address())
                .traffic(status.traffic()).build();
        conditions = mirror(ROUTES_READY, ConditionSet.find(status.conditions(), "Ready"));
    }

    boolean routesReady() {
        return ConditionSet.find(conditions, ROUTES_READY).map(Condition::isTrue).orElse(false);
    }

    ServiceStatus toStatus(long generation) {
        return fields.withConditions(generation, conditions);
    }

    private List<Condition> mirror(String type, Optional<Condition> ready) {
        if (ready.isEmpty()) {
            return SET.markUnknown(conditions, type, null, null, clock);
        }
        Condition c = ready.get();
        return switch (c.status()) {
            case ConditionSet.TRUE -> SET.markTrue(conditions, type, clock);
            case ConditionSet.FALSE -> SET.markFalse(conditions, type, c.reason(), c.message(), clock);
            default -> SET.markUnknown(conditions, type, c.reason(), c.message(), clock);
        };
    }
}
