package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A ConfigMap projected into a projected volume. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigMapProjection(List<KeyToPath> items, String name, Boolean optional) {
}
