package dev.kumo.api.eventing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The legacy filter: every attribute must be present and equal (case-sensitive); an empty value only asks for the
 * attribute to be present and non-empty.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TriggerFilter(Map<String, String> attributes) {

    /** The filter Knative defaults to: no attributes, every event passes. */
    public static final TriggerFilter ANY = new TriggerFilter(null);

    public Map<String, String> attributesOrEmpty() {
        return attributes == null ? Map.of() : attributes;
    }
}
