package dev.kumo.api.eventing;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.Condition;
import dev.kumo.api.serving.Addressable;
import java.util.List;
import java.util.Map;

/** What a Broker's reconciler observed: conditions, the ingress address and the resolved dead-letter sink. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BrokerStatus(
        Long observedGeneration,
        List<Condition> conditions,
        Map<String, String> annotations,
        Addressable address,
        List<Addressable> addresses,
        String deadLetterSinkUri,
        String deadLetterSinkCACerts,
        String deadLetterSinkAudience) {

    public static final BrokerStatus EMPTY = builder().build();

    public static BrokerStatusBuilder builder() {
        return new BrokerStatusBuilder();
    }

    /** A builder holding this status's fields. */
    public BrokerStatusBuilder toBuilder() {
        return new BrokerStatusBuilder().observedGeneration(observedGeneration).conditions(conditions)
                .annotations(annotations).address(address).addresses(addresses).deadLetterSinkUri(deadLetterSinkUri)
                .deadLetterSinkCACerts(deadLetterSinkCACerts).deadLetterSinkAudience(deadLetterSinkAudience);
    }

    /** This status with conditions and the generation they were computed for, which are always written together. */
    public BrokerStatus withConditions(long generation, List<Condition> value) {
        return toBuilder().observedGeneration(generation).conditions(value).build();
    }
}
