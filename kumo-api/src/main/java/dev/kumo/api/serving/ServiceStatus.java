package dev.kumo.api.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.Condition;
import java.util.List;
import java.util.Map;

/** What a Service's reconciler observed: its conditions plus its Configuration's and Route's status fields. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceStatus(
        Long observedGeneration,
        List<Condition> conditions,
        Map<String, String> annotations,
        String url,
        Addressable address,
        List<TrafficTarget> traffic,
        String latestReadyRevisionName,
        String latestCreatedRevisionName) {

    public static final ServiceStatus EMPTY = builder().build();

    public static ServiceStatusBuilder builder() {
        return new ServiceStatusBuilder();
    }

    /** A builder holding this status's fields. */
    public ServiceStatusBuilder toBuilder() {
        return new ServiceStatusBuilder().observedGeneration(observedGeneration).conditions(conditions)
                .annotations(annotations).url(url).address(address).traffic(traffic)
                .latestReadyRevisionName(latestReadyRevisionName)
                .latestCreatedRevisionName(latestCreatedRevisionName);
    }

    /** This status with conditions and the generation they were computed for, which are always written together. */
    public ServiceStatus withConditions(long generation, List<Condition> value) {
        return toBuilder().observedGeneration(generation).conditions(value).build();
    }
}
