package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A probe that runs a command in the container. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecAction(List<String> command) {
}
