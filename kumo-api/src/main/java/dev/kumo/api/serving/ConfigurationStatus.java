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

    public static final ConfigurationStatus EMPTY = new ConfigurationStatus(null, null, null, null, null);

    /** This status with conditions and the generation they were computed for, which are always written together. */
    public ConfigurationStatus withConditions(long generation, List<Condition> value) {
        return new ConfigurationStatus(generation, value, annotations, latestReadyRevisionName,
                latestCreatedRevisionName);
    }
}
