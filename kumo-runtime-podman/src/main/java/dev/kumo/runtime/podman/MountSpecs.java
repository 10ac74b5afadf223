package dev.kumo.runtime.podman;

import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.MountSpec;
import dev.kumo.runtime.spi.SidecarSpec;
import dev.kumo.runtime.spi.VolumeSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builders of a container's {@code mounts} (OCI mounts in libpod's SpecGenerator): an emptyDir with
 * {@code medium: Memory} is a tmpfs ({@code sizeLimit} as its size), any other volume its host directory bound in,
 * read-only for ConfigMap/Secret files as Kubernetes mounts them.
 */
final class MountSpecs {

    private MountSpecs() {
    }

    /** Sets {@code container}'s mounts for {@code mounts}, if any; returns the container. */
    static JsonObject into(JsonObject container, List<MountSpec> mounts, InstanceVolumes volumes) {
        if (!mounts.isEmpty()) {
            JsonArray array = new JsonArray();
            mounts.forEach(mount -> array.add(mount(mount, volumes)));
            container.put("mounts", array);
        }
        return container;
    }

    static JsonObject mount(MountSpec mount, InstanceVolumes volumes) {
        return switch (volumes.volume(mount)) {
            case VolumeSpec.EmptyDir empty when empty.memory() -> new JsonObject()
                    .put("destination", mount.mountPath()).put("type", "tmpfs").put("source", "tmpfs")
                    .put("options", tmpfsOptions(empty, mount.readOnly()));
            case VolumeSpec.EmptyDir empty -> bind(mount, volumes, mount.readOnly());
            case VolumeSpec.Files files -> bind(mount, volumes, true);
        };
    }

    private static JsonObject bind(MountSpec mount, InstanceVolumes volumes, boolean readOnly) {
        return new JsonObject().put("destination", mount.mountPath()).put("type", "bind")
                .put("source", volumes.source(mount).toString())
                .put("options", new JsonArray().add("rbind").add(readOnly ? "ro" : "rw"));
    }

    private static JsonArray tmpfsOptions(VolumeSpec.EmptyDir empty, boolean readOnly) {
        JsonArray options = new JsonArray().add(readOnly ? "ro" : "rw").add("mode=1777");
        empty.sizeLimitBytes().ifPresent(bytes -> options.add("size=" + bytes));
        return options;
    }

    /**
     * Why the mounts cannot be made, or empty: a subPath into a memory emptyDir (a tmpfs has no host path), or a
     * memory emptyDir mounted by more than one container (each container's tmpfs is its own, so they would not share
     * it as Kubernetes' containers do).
     */
    static Optional<String> refusal(ImageWorkload image) {
        Optional<String> subPath = Stream.concat(image.mounts().stream(),
                        image.sidecars().stream().flatMap(s -> s.mounts().stream()))
                .filter(mount -> mount.subPath().isPresent() && inMemory(image, mount.volume()))
                .findFirst().map(mount -> "mount at " + mount.mountPath() + ": a subPath of emptyDir "
                        + mount.volume() + " with medium Memory is not supported by the container runtime; mount "
                        + "the whole volume");
        return subPath.or(() -> Stream.concat(Stream.of(image.mounts()), image.sidecars().stream()
                        .map(SidecarSpec::mounts))
                .flatMap(mounts -> mounts.stream().map(MountSpec::volume).filter(v -> inMemory(image, v)).distinct())
                .collect(Collectors.groupingBy(v -> v, TreeMap::new, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1).findFirst()
                .map(e -> "emptyDir " + e.getKey() + " with medium Memory is mounted by " + e.getValue()
                        + " containers; the container runtime gives each container a tmpfs of its own so far: "
                        + "drop medium: Memory to share it"));
    }

    private static boolean inMemory(ImageWorkload image, String volume) {
        return image.volume(volume).orElse(null) instanceof VolumeSpec.EmptyDir empty && empty.memory();
    }
}
