package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** CPU, memory and other resource requests and limits; quantities are kept as written. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceRequirements(Map<String, JsonNode> limits, Map<String, JsonNode> requests) {
}
