package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A reference by name to an object in the same namespace, as in {@code imagePullSecrets}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocalObjectReference(String name) {
}
