package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The port a container serves on; {@code name} ({@code http1} or {@code h2c}) selects the protocol. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerPort(Integer containerPort, String name, String protocol) {
}
