package dev.kumo.controller.route;

import static dev.kumo.api.serving.lifecycle.RouteConditions.ALL_TRAFFIC_ASSIGNED;
import static dev.kumo.api.serving.lifecycle.RouteConditions.INGRESS_READY;
import static dev.kumo.api.serving.lifecycle.RouteConditions.SET;

import dev.kumo.api.meta.Condition;
import dev.kumo.api.serving.Addressable;
import dev.kumo.api.serving.RouteStatus;
import dev.kumo.api.serving.TrafficTarget;
import java.time.InstantSource;
import java.util.List;

/** A Route's status being reconciled, changed only through named mutators (as Knative's lifecycle). */
final class RouteLifecycle {

    private final RouteStatus original;
    private final InstantSource clock;
    private List<Condition> conditions;
    private String url;
    private Addressable address;
    private List<TrafficTarget> traffic;

    RouteLifecycle(RouteStatus current, InstantSource clock) {
        this.original = current == null ? RouteStatus.EMPTY : current;
        this.clock = clock;
        this.conditions = SET.initialize(original.conditions(), clock);
        this.url = original.url();
        this.address = original.address();
        this.traffic = original.traffic();
    }

    /** Where people reach the Route ({@code status.url}). */
    void setUrl(String value) {
        url = value;
    }

    /** Where programs reach the Route ({@code status.address.url}). */
    void setAddress(String value) {
        address = Addressable.of(value);
    }

    /** The address recorded so far, if any. */
    String addressUrl() {
        return address == null ? null : address.url();
    }

    /** Traffic is assigned: status.traffic shows where it goes. */
    void markTrafficAssigned(List<TrafficTarget> value) {
        traffic = value;
        conditions = SET.markTrue(conditions, ALL_TRAFFIC_ASSIGNED, clock);
    }

    /** Traffic cannot be assigned; status.traffic keeps what was last assigned, as the data plane does. */
    void markTrafficNotAssigned(TrafficProblem problem) {
        conditions = problem.failed()
                ? SET.markFalse(conditions, ALL_TRAFFIC_ASSIGNED, problem.reason(), problem.message(), clock)
                : SET.markUnknown(conditions, ALL_TRAFFIC_ASSIGNED, problem.reason(), problem.message(), clock);
    }

    /** The data plane took the routing. */
    void markIngressReady() {
        conditions = SET.markTrue(conditions, INGRESS_READY, clock);
    }

    RouteStatus toStatus(long generation) {
        return original.toBuilder().observedGeneration(generation).conditions(conditions).url(url).address(address)
                .traffic(traffic).build();
    }
}
