package dev.kumo.api.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.serving.pod.IntOrString;

/** One port of a Service: where clients connect ({@code port}) and where the Pods listen ({@code targetPort}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServicePort(String name, String protocol, String appProtocol, Integer port, IntOrString targetPort,
        Integer nodePort) {
}
