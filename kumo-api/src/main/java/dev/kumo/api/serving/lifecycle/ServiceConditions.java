package dev.kumo.api.serving.lifecycle;

/** A Service is Ready when its Configuration and its Route are. */
public final class ServiceConditions {

    public static final String READY = "Ready";
    public static final String CONFIGURATIONS_READY = "ConfigurationsReady";
    public static final String ROUTES_READY = "RoutesReady";

    /** Ready and the conditions it is derived from. */
    public static final ConditionSet SET = ConditionSet.living(READY, CONFIGURATIONS_READY, ROUTES_READY);

    private ServiceConditions() {
    }
}
