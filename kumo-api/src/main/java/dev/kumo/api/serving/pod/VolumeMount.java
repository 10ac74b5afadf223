package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Where a declared volume appears in a container's file system. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VolumeMount(String mountPath, String mountPropagation, String name, Boolean readOnly, String subPath) {

    public static VolumeMount of(String name, String mountPath) {
        return new VolumeMount(mountPath, null, name, null, null);
    }

    public VolumeMount withReadOnly(boolean value) {
        return new VolumeMount(mountPath, mountPropagation, name, value, subPath);
    }

    @JsonIgnore
    public boolean isReadOnly() {
        return Boolean.TRUE.equals(readOnly);
    }
}
