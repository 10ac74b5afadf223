package dev.kumo.api.eventing;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.duck.KReference;

/**
 * Knative's {@code v1beta2} EventTypeSpec: the CloudEvents {@code type} (required), {@code source}, {@code schema}
 * and {@code schemaData}, the {@code reference} that produces or carries such events (a Broker, Channel…), a
 * description, and the deprecated {@code broker} name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventTypeSpec(String type, String source, String schema, String schemaData, String broker,
        KReference reference, String description) {
}
