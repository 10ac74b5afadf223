package dev.kumo.api.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;
import java.util.Map;

/** Core v1 Secret: base64 {@code data}; {@code stringData} is folded into {@code data} on write, as Kubernetes does. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Secret(String apiVersion, String kind, ObjectMeta metadata, Map<String, String> data,
        Map<String, String> stringData, String type, Boolean immutable) implements HasMetadata {
}
