package dev.kumo.api.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A Route's desired state: how its traffic is split. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RouteSpec(List<TrafficTarget> traffic) {

    public List<TrafficTarget> trafficOrEmpty() {
        return traffic == null ? List.of() : traffic;
    }
}
