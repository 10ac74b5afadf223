package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A Secret projected into a projected volume. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecretProjection(List<KeyToPath> items, String name, Boolean optional) {
}
