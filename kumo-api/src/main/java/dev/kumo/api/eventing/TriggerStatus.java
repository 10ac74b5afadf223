package dev.kumo.api.eventing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.meta.Condition;
import java.util.List;
import java.util.Map;

/** What a Trigger's reconciler observed: conditions, the resolved subscriber URI and dead-letter sink. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TriggerStatus(
        Long observedGeneration,
        List<Condition> conditions,
        Map<String, String> annotations,
        String subscriberUri,
        String subscriberCACerts,
        String subscriberAudience,
        String deadLetterSinkUri,
        String deadLetterSinkCACerts,
        String deadLetterSinkAudience,
        ObjectNode auth) {

    public static final TriggerStatus EMPTY = builder().build();

    public static TriggerStatusBuilder builder() {
        return new TriggerStatusBuilder();
    }

    /** A builder holding this status's fields. */
    public TriggerStatusBuilder toBuilder() {
        return new TriggerStatusBuilder().observedGeneration(observedGeneration).conditions(conditions)
                .annotations(annotations).subscriberUri(subscriberUri).subscriberCACerts(subscriberCACerts)
                .subscriberAudience(subscriberAudience).deadLetterSinkUri(deadLetterSinkUri)
                .deadLetterSinkCACerts(deadLetterSinkCACerts).deadLetterSinkAudience(deadLetterSinkAudience)
                .auth(auth);
    }

    /** This status with conditions and the generation they were computed for, which are always written together. */
    public TriggerStatus withConditions(long generation, List<Condition> value) {
        return toBuilder().observedGeneration(generation).conditions(value).build();
    }
}
