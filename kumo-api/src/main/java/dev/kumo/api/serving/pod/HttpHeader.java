package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One header sent with an HTTP probe. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HttpHeader(String name, String value) {
}
