package dev.kumo.api.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;

/**
 * A core {@code v1} Service: Pods chosen by {@code spec.selector} behind one stable loopback address per port, kept
 * by Kumo in {@code status.loadBalancer.ingress} ({@code ip: 127.0.0.1} and the port Kumo listens on).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CoreService(String apiVersion, String kind, ObjectMeta metadata, CoreServiceSpec spec,
        ObjectNode status) implements HasMetadata {

    public CoreService withSpec(CoreServiceSpec value) {
        return new CoreService(apiVersion, kind, metadata, value, status);
    }
}
