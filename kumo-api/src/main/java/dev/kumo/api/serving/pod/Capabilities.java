package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Linux capabilities added to or dropped from a container. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Capabilities(List<String> add, List<String> drop) {
}
