package dev.kumo.api.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;
import java.util.Map;

/** Core v1 ConfigMap: string data and base64 binary data. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigMap(String apiVersion, String kind, ObjectMeta metadata, Map<String, String> data,
        Map<String, String> binaryData, Boolean immutable) implements HasMetadata {
}
