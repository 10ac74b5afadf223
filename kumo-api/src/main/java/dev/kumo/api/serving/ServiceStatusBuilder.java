package dev.kumo.api.serving;

import dev.kumo.api.meta.Condition;
import java.util.List;
import java.util.Map;

/** Builds a {@link ServiceStatus}; every field starts unset. */
public final class ServiceStatusBuilder {

    private Long observedGeneration;
    private List<Condition> conditions;
    private Map<String, String> annotations;
    private String url;
    private Addressable address;
    private List<TrafficTarget> traffic;
    private String latestReadyRevisionName;
    private String latestCreatedRevisionName;

    ServiceStatusBuilder() {
    }

    public ServiceStatusBuilder observedGeneration(Long value) { observedGeneration = value; return this; }

    public ServiceStatusBuilder conditions(List<Condition> value) { conditions = value; return this; }

    public ServiceStatusBuilder annotations(Map<String, String> value) { annotations = value; return this; }

    public ServiceStatusBuilder url(String value) { url = value; return this; }

    public ServiceStatusBuilder address(Addressable value) { address = value; return this; }

    public ServiceStatusBuilder traffic(List<TrafficTarget> value) { traffic = value; return this; }

    public ServiceStatusBuilder latestReadyRevisionName(String value) { latestReadyRevisionName = value; return this; }

    public ServiceStatusBuilder latestCreatedRevisionName(String value) {
        latestCreatedRevisionName = value;
        return this;
    }

    public ServiceStatus build() {
        return new ServiceStatus(observedGeneration, conditions, annotations, url, address, traffic,
                latestReadyRevisionName, latestCreatedRevisionName);
    }
}
