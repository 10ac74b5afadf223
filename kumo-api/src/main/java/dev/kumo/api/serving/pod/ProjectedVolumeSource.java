package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A volume that merges several sources into one directory. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectedVolumeSource(Integer defaultMode, List<VolumeProjection> sources) {
}
