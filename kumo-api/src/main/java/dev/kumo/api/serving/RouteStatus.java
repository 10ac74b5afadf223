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

    public static final RouteStatus EMPTY = new RouteStatus(null, null, null, null, null, null);

    /** This status with conditions and the generation they were computed for, which are always written together. */
    public RouteStatus withConditions(long generation, List<Condition> value) {
        return new RouteStatus(generation, value, annotations, url, address, traffic);
    }
}
