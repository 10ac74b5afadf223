package dev.kumo.api.serving.lifecycle;

/** A Revision is Ready when its resources are available and its container is healthy; Active only informs. */
public final class RevisionConditions {

    public static final String READY = "Ready";
    public static final String RESOURCES_AVAILABLE = "ResourcesAvailable";
    public static final String CONTAINER_HEALTHY = "ContainerHealthy";
    /** Whether the Revision has instances or is scaled to zero; informational, it does not decide Ready. */
    public static final String ACTIVE = "Active";

    /** Ready and the conditions it is derived from. */
    public static final ConditionSet SET = ConditionSet.living(READY, RESOURCES_AVAILABLE, CONTAINER_HEALTHY);

    private RevisionConditions() {
    }
}
