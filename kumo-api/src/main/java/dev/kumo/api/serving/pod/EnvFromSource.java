package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Environment variables taken from every key of a ConfigMap or Secret, optionally prefixed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvFromSource(EnvSourceReference configMapRef, String prefix, EnvSourceReference secretRef) {
}
