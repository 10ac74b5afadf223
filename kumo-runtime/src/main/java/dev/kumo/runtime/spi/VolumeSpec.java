package dev.kumo.runtime.spi;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A volume of an instance, named for its {@link MountSpec}s: an empty directory, or files already resolved from
 * ConfigMaps and Secrets (Kubernetes' {@code configMap}, {@code secret} and {@code projected} volumes).
 */
public sealed interface VolumeSpec {

    /** The volume's name, unique in its workload. */
    String name();

    /** Kubernetes' {@code emptyDir}: fresh per instance; {@code memory} asks for a tmpfs, bounded by the size limit. */
    record EmptyDir(String name, boolean memory, OptionalLong sizeLimitBytes) implements VolumeSpec {

        public EmptyDir {
            VolumeSpec.checkName(name);
            Objects.requireNonNull(sizeLimitBytes, "sizeLimitBytes");
            if (sizeLimitBytes.isPresent() && sizeLimitBytes.getAsLong() <= 0) {
                throw new IllegalArgumentException("emptyDir " + name + ": sizeLimit must be positive, got "
                        + sizeLimitBytes.getAsLong());
            }
        }
    }

    /**
     * Files by their path relative to the mount point ({@code a/b.txt}), sorted; paths are relative and never leave
     * the volume.
     */
    record Files(String name, Map<String, FileEntry> files) implements VolumeSpec {

        public Files {
            VolumeSpec.checkName(name);
            files.keySet().forEach(path -> checkPath(name, path));
            files = Collections.unmodifiableMap(new TreeMap<>(files));
        }

        private static void checkPath(String volume, String path) {
            if (path.isEmpty() || path.startsWith("/") || ("/" + path + "/").contains("/../")) {
                throw new IllegalArgumentException("volume " + volume + ": file path \"" + path + "\" must be "
                        + "relative and must not contain '..'");
            }
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a volume needs a name, got \"" + name + "\"");
        }
    }
}
