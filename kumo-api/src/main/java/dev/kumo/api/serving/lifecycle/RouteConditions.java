package dev.kumo.api.serving.lifecycle;

/** A Route is Ready when all its traffic is assigned and its ingress is ready. */
public final class RouteConditions {

    public static final String READY = "Ready";
    public static final String ALL_TRAFFIC_ASSIGNED = "AllTrafficAssigned";
    public static final String INGRESS_READY = "IngressReady";

    /** Ready and the conditions it is derived from. */
    public static final ConditionSet SET = ConditionSet.living(READY, ALL_TRAFFIC_ASSIGNED, INGRESS_READY);

    private RouteConditions() {
    }
}
