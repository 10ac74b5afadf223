package dev.kumo.api.shipwright;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.Condition;
import java.util.List;
import java.util.Optional;

/**
 * What a run did: its {@code Succeeded} condition, the image digest it made, when it started and ended, the Build
 * spec it ran, and on failure where it failed ({@code failureDetails}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BuildRunStatus(List<Condition> conditions, Output output, String startTime, String completionTime,
        BuildSpec buildSpec, FailureDetails failureDetails) {

    /** The type of a run's one condition. */
    public static final String SUCCEEDED = "Succeeded";
    public static final BuildRunStatus EMPTY = new BuildRunStatus(List.of(), null, null, null, null, null);

    public BuildRunStatus {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** The Succeeded condition, if set. */
    @JsonIgnore
    public Optional<Condition> succeeded() {
        return conditions.stream().filter(c -> SUCCEEDED.equals(c.type())).findFirst();
    }

    /** The image made: its digest ({@code sha256:…}) and size in bytes. */
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public record Output(String digest, long size) {
    }

    /** Why a run failed: a reason, a message (the log tail), and where — {@code location.container} names the step. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FailureDetails(String reason, String message, Location location) {
    }

    /** Where a failure happened; Kumo has no pod, so {@code container} is the strategy's step. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Location(String pod, String container) {
    }
}
