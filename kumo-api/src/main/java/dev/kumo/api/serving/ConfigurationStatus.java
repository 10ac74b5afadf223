package dev.kumo.api.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.Condition;
import java.util.List;
import java.util.Map;

/** What a Configuration's reconciler observed: its Ready condition and its latest Revisions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigurationStatus(
        Long observedGeneration,
        List<Condition> conditions,
        Map<String, String> annotations,
        String latestReadyRevisionName,
        String latestCreatedRevisionName) {

    public static final ConfigurationStatus EMPTY = builder().build();

    public static ConfigurationStatusBuilder builder() {
        return new ConfigurationStatusBuilder();
    }

    /** A builder holding this status's fields. */
    public ConfigurationStatusBuilder toBuilder() {
        return new ConfigurationStatusBuilder().observedGeneration(observedGeneration).conditions(conditions)
                .annotations(annotations).latestReadyRevisionName(latestReadyRevisionName)
                .latestCreatedRevisionName(latestCreatedRevisionName);
    }

    /** This status with conditions and the generation they were computed for, which are always written together. */
    public ConfigurationStatus withConditions(long generation, List<Condition> value) {
        return toBuilder().observedGeneration(generation).conditions(value).build();
    }
}
