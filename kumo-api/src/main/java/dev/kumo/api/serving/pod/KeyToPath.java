package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One key of a ConfigMap or Secret projected to a file path. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyToPath(String key, Integer mode, String path) {
}
