package dev.kumo.api.apps;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.serving.pod.IntOrString;

/** How old Pods are replaced: {@code RollingUpdate} (within maxSurge/maxUnavailable) or {@code Recreate}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploymentStrategy(String type, RollingUpdate rollingUpdate) {

    public static final String ROLLING_UPDATE = "RollingUpdate";
    public static final String RECREATE = "Recreate";

    /** How many Pods a rolling update may run above {@code replicas}, and how many may be unavailable. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RollingUpdate(IntOrString maxSurge, IntOrString maxUnavailable) {
    }
}
