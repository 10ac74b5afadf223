package dev.kumo.api.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Core v1 ObjectReference: what an Event is about ({@code involvedObject}, {@code regarding}, {@code related}). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ObjectReference(String kind, String namespace, String name, String uid, String apiVersion,
        String resourceVersion, String fieldPath) {
}
