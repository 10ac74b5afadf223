package dev.kumo.api.eventing;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.Condition;
import java.util.List;
import java.util.Map;

/** What an EventType's reconciler observed: whether its reference exists. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventTypeStatus(Long observedGeneration, List<Condition> conditions, Map<String, String> annotations) {

    public static final EventTypeStatus EMPTY = new EventTypeStatus(null, null, null);
}
