package dev.kumo.api.eventing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.meta.Condition;
import java.util.List;
import java.util.Map;

/** Builds a {@link TriggerStatus}; every field starts unset. */
public final class TriggerStatusBuilder {

    private Long observedGeneration;
    private List<Condition> conditions;
    private Map<String, String> annotations;
    private String subscriberUri;
    private String subscriberCACerts;
    private String subscriberAudience;
    private String deadLetterSinkUri;
    private String deadLetterSinkCACerts;
    private String deadLetterSinkAudience;
    private ObjectNode auth;

    TriggerStatusBuilder() {
    }

    public TriggerStatusBuilder observedGeneration(Long value) { observedGeneration = value; return this; }

    public TriggerStatusBuilder conditions(List<Condition> value) { conditions = value; return this; }

    public TriggerStatusBuilder annotations(Map<String, String> value) { annotations = value; return this; }

    public TriggerStatusBuilder subscriberUri(String value) { subscriberUri = value; return this; }

    public TriggerStatusBuilder subscriberCACerts(String value) { subscriberCACerts = value; return this; }

    public TriggerStatusBuilder subscriberAudience(String value) { subscriberAudience = value; return this; }

    public TriggerStatusBuilder deadLetterSinkUri(String value) { deadLetterSinkUri = value; return this; }

    public TriggerStatusBuilder deadLetterSinkCACerts(String value) { deadLetterSinkCACerts = value; return this; }

    public TriggerStatusBuilder deadLetterSinkAudience(String value) { deadLetterSinkAudience = value; return this; }

    public TriggerStatusBuilder auth(ObjectNode value) { auth = value; return this; }

    public TriggerStatus build() {
        return new TriggerStatus(observedGeneration, conditions, annotations, subscriberUri, subscriberCACerts,
                subscriberAudience, deadLetterSinkUri, deadLetterSinkCACerts, deadLetterSinkAudience, auth);
    }
}
