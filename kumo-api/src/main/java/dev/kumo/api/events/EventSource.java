package dev.kumo.api.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Core v1 EventSource: the component (and host) that reported an Event. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EventSource(String component, String host) {
}
