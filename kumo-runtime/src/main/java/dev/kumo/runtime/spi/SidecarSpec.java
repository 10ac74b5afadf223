package dev.kumo.runtime.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A container that runs beside the serving one in the same instance (Knative's multi-container feature): it is
 * neither routed to nor decides readiness; its own probes, if any, only show in its {@link ContainerHealth}.
 */
public record SidecarSpec(String name, String image, List<String> command, List<String> args,
        Map<String, String> env, List<MountSpec> mounts, Optional<ProbeSpec> readiness,
        Optional<ProbeSpec> liveness) {

    public SidecarSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a sidecar needs a name, got \"" + name + "\"");
        }
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("sidecar " + name + " needs an image, got \"" + image + "\"");
        }
        command = List.copyOf(command);
        args = List.copyOf(args);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        mounts = List.copyOf(mounts);
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(liveness, "liveness");
    }

    /** A sidecar running its image's own entrypoint, with no environment, mounts or probes. */
    public static SidecarSpec of(String name, String image) {
        return new SidecarSpec(name, image, List.of(), List.of(), Map.of(), List.of(), Optional.empty(),
                Optional.empty());
    }
}
