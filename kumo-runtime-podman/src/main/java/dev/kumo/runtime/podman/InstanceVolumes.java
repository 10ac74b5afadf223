package dev.kumo.runtime.podman;

import dev.kumo.runtime.spi.MountSpec;
import dev.kumo.runtime.spi.VolumeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The host directories of one instance's volumes ({@link VolumeDirs}) by volume name, and each mount's source. */
record InstanceVolumes(String instanceId, Map<String, Path> paths, Map<String, VolumeSpec> specs) {

    /** An instance without volumes. */
    static InstanceVolumes none(String instanceId) {
        return new InstanceVolumes(instanceId, Map.of(), Map.of());
    }

    InstanceVolumes {
        paths = Map.copyOf(paths);
        specs = Map.copyOf(specs);
    }

    /** The volume a mount names. */
    VolumeSpec volume(MountSpec mount) {
        VolumeSpec volume = specs.get(mount.volume());
        if (volume == null) {
            throw new IllegalArgumentException("instance " + instanceId + " has no volume " + mount.volume());
        }
        return volume;
    }

    /**
     * The host path to bind at the mount: the volume's directory, or with a subPath the entry in it — made as a
     * directory in an emptyDir, resolved through the symlinks of a files volume as the kubelet does (so it does
     * not follow later updates).
     */
    Path source(MountSpec mount) {
        Path dir = paths.get(mount.volume());
        if (dir == null) {
            throw new IllegalArgumentException("instance " + instanceId + " has no directory for volume "
                    + mount.volume());
        }
        if (mount.subPath().isEmpty()) {
            return dir;
        }
        String subPath = mount.subPath().get();
        if (subPath.startsWith("/") || ("/" + subPath + "/").contains("/../")) {
            throw new IllegalArgumentException("mount at " + mount.mountPath() + ": subPath \"" + subPath
                    + "\" must be relative and must not contain '..'");
        }
        Path path = dir.resolve(subPath);
        try {
            if (volume(mount) instanceof VolumeSpec.EmptyDir) {
                Files.createDirectories(path);
                return path;
            }
            Path real = path.toRealPath();
            if (!real.startsWith(dir.toRealPath())) {
                throw new IllegalArgumentException("mount at " + mount.mountPath() + ": subPath \"" + subPath
                        + "\" leaves volume " + mount.volume());
            }
            return real;
        } catch (IOException e) {
            throw new UncheckedIOException("mount at " + mount.mountPath() + ": subPath \"" + subPath
                    + "\" of volume " + mount.volume() + " is not there", e);
        }
    }
}
