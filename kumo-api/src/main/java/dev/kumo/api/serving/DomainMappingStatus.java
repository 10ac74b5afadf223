package dev.kumo.api.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.Condition;
import java.util.List;
import java.util.Map;

/** What a DomainMapping's reconciler observed: conditions, the domain's URL and address. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DomainMappingStatus(
        Long observedGeneration,
        List<Condition> conditions,
        Map<String, String> annotations,
        String url,
        Addressable address) {

    public static final DomainMappingStatus EMPTY = new DomainMappingStatus(null, null, null, null, null);
}
