package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A probe that opens a TCP connection to the container. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TcpSocketAction(String host, IntOrString port) {
}
