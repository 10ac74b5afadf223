package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One environment variable: a literal {@code value} or a {@code valueFrom} source. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvVar(String name, String value, EnvVarSource valueFrom) {

    public static EnvVar of(String name, String value) {
        return new EnvVar(name, value, null);
    }
}
