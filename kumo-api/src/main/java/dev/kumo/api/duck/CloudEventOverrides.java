package dev.kumo.api.duck;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** Extension attributes a source adds to every event it sends ({@code ceOverrides}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEventOverrides(Map<String, String> extensions) {
}
