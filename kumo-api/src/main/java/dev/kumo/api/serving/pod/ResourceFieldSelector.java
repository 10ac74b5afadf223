package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** A resource request or limit of a container; the divisor quantity is kept as written. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceFieldSelector(String containerName, JsonNode divisor, String resource) {
}
