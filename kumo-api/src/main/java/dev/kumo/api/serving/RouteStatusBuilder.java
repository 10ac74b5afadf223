package dev.kumo.api.serving;

import dev.kumo.api.meta.Condition;
import java.util.List;
import java.util.Map;

/** Builds a {@link RouteStatus}; every field starts unset. */
public final class RouteStatusBuilder {

    private Long observedGeneration;
    private List<Condition> conditions;
    private Map<String, String> annotations;
    private String url;
    private Addressable address;
    private List<TrafficTarget> traffic;

    RouteStatusBuilder() {
    }

    public RouteStatusBuilder observedGeneration(Long value) { observedGeneration = value; return this; }

    public RouteStatusBuilder conditions(List<Condition> value) { conditions = value; return this; }

    public RouteStatusBuilder annotations(Map<String, String> value) { annotations = value; return this; }

    public RouteStatusBuilder url(String value) { url = value; return this; }

    public RouteStatusBuilder address(Addressable value) { address = value; return this; }

    public RouteStatusBuilder traffic(List<TrafficTarget> value) { traffic = value; return this; }

    public RouteStatus build() {
        return new RouteStatus(observedGeneration, conditions, annotations, url, address, traffic);
    }
}
