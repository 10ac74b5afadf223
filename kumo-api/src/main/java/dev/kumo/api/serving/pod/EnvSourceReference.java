package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A whole ConfigMap or Secret whose keys become environment variables ({@code configMapRef}, {@code secretRef}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvSourceReference(String name, Boolean optional) {
}
