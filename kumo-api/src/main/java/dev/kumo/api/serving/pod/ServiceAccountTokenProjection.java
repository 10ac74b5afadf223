package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A service account token projected into a projected volume. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceAccountTokenProjection(String audience, Long expirationSeconds, String path) {
}
