package dev.kumo.api.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.Condition;
import java.util.List;
import java.util.Map;

/** What a Route's reconciler observed: conditions, URLs and the traffic split resolved to Revision names. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RouteStatus(
        Long observedGeneration,
        List<Condition> conditions,
        Map<String, String> annotations,
        String url,
        Addressable address,
        List<TrafficTarget> traffic) {

    public static final RouteStatus EMPTY = builder().build();

    public static RouteStatusBuilder builder() {
        return new RouteStatusBuilder();
    }

    /** A builder holding this status's fields. */
    public RouteStatusBuilder toBuilder() {
        return new RouteStatusBuilder().observedGeneration(observedGeneration).conditions(conditions)
                .annotations(annotations).url(url).address(address).traffic(traffic);
    }

    /** This status with conditions and the generation they were computed for, which are always written together. */
    public RouteStatus withConditions(long generation, List<Condition> value) {
        return toBuilder().observedGeneration(generation).conditions(value).build();
    }
}
