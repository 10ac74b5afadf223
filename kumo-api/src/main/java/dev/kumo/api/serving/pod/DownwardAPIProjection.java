package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Pod fields projected into a projected volume. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DownwardAPIProjection(List<DownwardAPIVolumeFile> items) {
}
