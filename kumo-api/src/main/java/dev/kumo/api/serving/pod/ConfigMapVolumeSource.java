package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A volume whose files are the keys of a ConfigMap. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigMapVolumeSource(Integer defaultMode, List<KeyToPath> items, String name, Boolean optional) {
}
