package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A probe that calls the gRPC health service of the container. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GrpcAction(Integer port, String service) {
}
