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

    public static final BrokerStatus EMPTY = new BrokerStatus(null, null, null, null, null, null, null, null);

    /** This status with conditions and the generation they were computed for, which are always written together. */
    public BrokerStatus withConditions(long generation, List<Condition> value) {
        return new BrokerStatus(generation, value, annotations, address, addresses, deadLetterSinkUri,
                deadLetterSinkCACerts, deadLetterSinkAudience);
    }
}
