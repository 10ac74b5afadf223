package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A volume whose files are the keys of a Secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecretVolumeSource(Integer defaultMode, List<KeyToPath> items, Boolean optional, String secretName) {
}
