package dev.kumo.api.eventing;

import dev.kumo.api.meta.Condition;
import dev.kumo.api.serving.Addressable;
import java.util.List;
import java.util.Map;

/** Builds a {@link BrokerStatus}; every field starts unset. */
public final class BrokerStatusBuilder {

    private Long observedGeneration;
    private List<Condition> conditions;
    private Map<String, String> annotations;
    private Addressable address;
    private List<Addressable> addresses;
    private String deadLetterSinkUri;
    private String deadLetterSinkCACerts;
    private String deadLetterSinkAudience;

    BrokerStatusBuilder() {
    }

    public BrokerStatusBuilder observedGeneration(Long value) { observedGeneration = value; return this; }

    public BrokerStatusBuilder conditions(List<Condition> value) { conditions = value; return this; }

    public BrokerStatusBuilder annotations(Map<String, String> value) { annotations = value; return this; }

    public BrokerStatusBuilder address(Addressable value) { address = value; return this; }

    public BrokerStatusBuilder addresses(List<Addressable> value) { addresses = value; return this; }

    public BrokerStatusBuilder deadLetterSinkUri(String value) { deadLetterSinkUri = value; return this; }

    public BrokerStatusBuilder deadLetterSinkCACerts(String value) { deadLetterSinkCACerts = value; return this; }

    public BrokerStatusBuilder deadLetterSinkAudience(String value) { deadLetterSinkAudience = value; return this; }

    public BrokerStatus build() {
        return new BrokerStatus(observedGeneration, conditions, annotations, address, addresses, deadLetterSinkUri,
                deadLetterSinkCACerts, deadLetterSinkAudience);
    }
}
