package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One key of a ConfigMap or Secret, as in {@code configMapKeyRef} and {@code secretKeyRef}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeySelector(String key, String name, Boolean optional) {
}
