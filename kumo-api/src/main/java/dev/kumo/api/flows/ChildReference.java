package dev.kumo.api.flows;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A generated child named in a flow's status ({@code corev1.ObjectReference}'s fields that Knative fills). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChildReference(String apiVersion, String kind, String name, String namespace) {
}
