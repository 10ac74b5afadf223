package dev.kumo.api.eventing.lifecycle;

import dev.kumo.api.serving.lifecycle.ConditionSet;
import java.util.List;

/** An EventType is Ready when its reference exists or none is set, as Knative's {@code eventtype_lifecycle.go}. */
public final class EventTypeConditions {

    public static final String READY = "Ready";
    public static final String REFERENCE_EXISTS = "ReferenceExists";

    /** Ready and the condition it is derived from. */
    public static final ConditionSet SET = new ConditionSet(READY, List.of(REFERENCE_EXISTS));

    private EventTypeConditions() {
    }
}
