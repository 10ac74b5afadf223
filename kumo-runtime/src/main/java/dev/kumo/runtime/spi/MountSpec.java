package dev.kumo.runtime.spi;

import java.util.Objects;
import java.util.Optional;

/** Where a container sees a {@link VolumeSpec}: Kubernetes' {@code volumeMounts[]}. */
public record MountSpec(String volume, String mountPath, boolean readOnly, Optional<String> subPath) {

    public MountSpec {
        if (volume == null || volume.isBlank()) {
            throw new IllegalArgumentException("a mount needs a volume name, got \"" + volume + "\"");
        }
        if (mountPath == null || !mountPath.startsWith("/")) {
            throw new IllegalArgumentException("mount of " + volume + ": mountPath must be absolute, got \""
                    + mountPath + "\"");
        }
        Objects.requireNonNull(subPath, "subPath");
    }

    /** The whole volume at {@code mountPath}. */
    public static MountSpec of(String volume, String mountPath, boolean readOnly) {
        return new MountSpec(volume, mountPath, readOnly, Optional.empty());
    }
}
