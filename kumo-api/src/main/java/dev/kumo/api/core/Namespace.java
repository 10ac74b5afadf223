package dev.kumo.api.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;

/** Core v1 Namespace; {@code spec} and {@code status} are kept as they come. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Namespace(String apiVersion, String kind, ObjectMeta metadata, ObjectNode spec, ObjectNode status)
        implements HasMetadata {
}
