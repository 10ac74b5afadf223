package dev.kumo.api.shipwright;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Whether a Build can run: {@code registered} True, or False with a {@code reason} and a {@code message}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuildStatus(String registered, String reason, String message) {

    /** Shipwright's reason for a Build that can run. */
    public static final String SUCCEEDED = "Succeeded";
    /** Shipwright's reason for a Build naming a strategy that is not there. */
    public static final String STRATEGY_NOT_FOUND = "ClusterBuildStrategyNotFound";

    public static BuildStatus ready() {
        return new BuildStatus("True", SUCCEEDED, "all validations succeeded");
    }

    public static BuildStatus notRegistered(String reason, String message) {
        return new BuildStatus("False", reason, message);
    }
}
