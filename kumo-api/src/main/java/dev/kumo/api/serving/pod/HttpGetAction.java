package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A probe that sends an HTTP GET to the container. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HttpGetAction(String host, List<HttpHeader> httpHeaders, String path, IntOrString port, String scheme) {
}
