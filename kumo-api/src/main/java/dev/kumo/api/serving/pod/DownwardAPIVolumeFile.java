package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One pod field written to a file of a projected volume. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DownwardAPIVolumeFile(
        ObjectFieldSelector fieldRef, Integer mode, String path, ResourceFieldSelector resourceFieldRef) {
}
