package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A field of the pod, by path. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectFieldSelector(String apiVersion, String fieldPath) {
}
