package dev.kumo.api.serving;

import dev.kumo.api.meta.Condition;
import java.util.List;
import java.util.Map;

/** Builds a {@link ConfigurationStatus}; every field starts unset. */
public final class ConfigurationStatusBuilder {

    private Long observedGeneration;
    private List<Condition> conditions;
    private Map<String, String> annotations;
    private String latestReadyRevisionName;
    private String latestCreatedRevisionName;

    ConfigurationStatusBuilder() {
    }

    public ConfigurationStatusBuilder observedGeneration(Long value) { observedGeneration = value; return this; }

    public ConfigurationStatusBuilder conditions(List<Condition> value) { conditions = value; return this; }

    public ConfigurationStatusBuilder annotations(Map<String, String> value) { annotations = value; return this; }

    public ConfigurationStatusBuilder latestReadyRevisionName(String value) {
        latestReadyRevisionName = value;
        return this;
    }

    public ConfigurationStatusBuilder latestCreatedRevisionName(String value) {
        latestCreatedRevisionName = value;
        return this;
    }

    public ConfigurationStatus build() {
        return new ConfigurationStatus(observedGeneration, conditions, annotations, latestReadyRevisionName,
                latestCreatedRevisionName);
    }
}
