package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where an environment variable's value comes from; {@code fieldRef} and {@code resourceFieldRef} are kept as written. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvVarSource(
        KeySelector configMapKeyRef, ObjectNode fieldRef, ObjectNode resourceFieldRef, KeySelector secretKeyRef) {
}
