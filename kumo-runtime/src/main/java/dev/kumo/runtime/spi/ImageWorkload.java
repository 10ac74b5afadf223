package dev.kumo.runtime.spi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A container image to run, with what Knative lets a container override: {@code command} replaces the image's
 * entrypoint and {@code args} its cmd (each empty: the image's own), {@code workingDir} its working directory. The
 * serving container is {@code containerName}; {@code sidecars} run beside it in the same instance, and every
 * container sees the {@code volumes} its mounts name. {@code pull} says when to pull and with which credentials;
 * {@code hardening} the securityContext beyond the user.
 */
public record ImageWorkload(WorkloadSpec.Common common, String image, List<String> command, List<String> args,
        Optional<Path> workingDir, String containerName, List<SidecarSpec> sidecars, List<VolumeSpec> volumes,
        List<MountSpec> mounts, PullSpec pull, Hardening hardening) implements WorkloadSpec {

    /** Knative's name of a serving container that names none. */
    public static final String DEFAULT_CONTAINER_NAME = "user-container";

    public ImageWorkload {
        Objects.requireNonNull(common, "common");
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("an image workload needs an image, got \"" + image + "\"");
        }
        command = List.copyOf(command);
        args = List.copyOf(args);
        Objects.requireNonNull(workingDir, "workingDir");
        if (containerName == null || containerName.isBlank()) {
            throw new IllegalArgumentException("the serving container needs a name, got \"" + containerName + "\"");
        }
        sidecars = List.copyOf(sidecars);
        volumes = List.copyOf(volumes);
        mounts = List.copyOf(mounts);
        Objects.requireNonNull(pull, "pull");
        Objects.requireNonNull(hardening, "hardening");
        checkNames(containerName, sidecars, volumes, mounts);
    }

    /** A single container with no volumes, pulled by Kubernetes' default and not hardened. */
    public ImageWorkload(WorkloadSpec.Common common, String image, List<String> command, List<String> args,
            Optional<Path> workingDir) {
        this(common, image, command, args, workingDir, DEFAULT_CONTAINER_NAME, List.of(), List.of(), List.of(),
                PullSpec.DEFAULT, Hardening.DEFAULT);
    }

    /** The volume named {@code name}, if declared. */
    public Optional<VolumeSpec> volume(String name) {
        return volumes.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    private static void checkNames(String containerName, List<SidecarSpec> sidecars, List<VolumeSpec> volumes,
            List<MountSpec> mounts) {
        Set<String> containers = new HashSet<>(Set.of(containerName));
        sidecars.forEach(sidecar -> {
            if (!containers.add(sidecar.name())) {
                throw new IllegalArgumentException("container name " + sidecar.name() + " is used twice; give each "
                        + "container its own name");
            }
        });
        Set<String> declared = new HashSet<>();
        volumes.forEach(volume -> {
            if (!declared.add(volume.name())) {
                throw new IllegalArgumentException("volume name " + volume.name() + " is declared twice");
            }
        });
        Stream.concat(mounts.stream(), sidecars.stream().flatMap(s -> s.mounts().stream())).forEach(mount -> {
            if (!declared.contains(mount.volume())) {
                throw new IllegalArgumentException("mount at " + mount.mountPath() + " names volume " + mount.volume()
                        + ", which is not declared; declare it in the workload's volumes");
            }
        });
    }

    /** Builds an {@link ImageWorkload}; start with {@link WorkloadSpec#image}. */
    public static final class Builder extends WorkloadSpec.Builder<Builder> {

        private final String image;
        private String containerName = DEFAULT_CONTAINER_NAME;
        private final List<SidecarSpec> sidecars = new ArrayList<>();
        private final List<VolumeSpec> volumes = new ArrayList<>();
        private final List<MountSpec> mounts = new ArrayList<>();
        private PullSpec pull = PullSpec.DEFAULT;
        private Hardening hardening = Hardening.DEFAULT;

        Builder(RevisionRef revision, String image) {
            super(revision);
            this.image = image;
        }

        /** The serving container's name (default {@value #DEFAULT_CONTAINER_NAME}). */
        public Builder containerName(String name) {
            this.containerName = name;
            return this;
        }

        /** A container beside the serving one. */
        public Builder sidecar(SidecarSpec sidecar) {
            this.sidecars.add(sidecar);
            return this;
        }

        /** A volume the containers' mounts may name. */
        public Builder volume(VolumeSpec volume) {
            this.volumes.add(volume);
            return this;
        }

        /** A mount of the serving container. */
        public Builder mount(MountSpec mount) {
            this.mounts.add(mount);
            return this;
        }

        /** When to pull the images and with which credentials. */
        public Builder pull(PullSpec spec) {
            this.pull = spec;
            return this;
        }

        /** The securityContext settings beyond the user. */
        public Builder hardening(Hardening settings) {
            this.hardening = settings;
            return this;
        }

        @Override
        public ImageWorkload build() {
            return new ImageWorkload(common(), image, command(), args(), workingDir(), containerName, sidecars,
                    volumes, mounts, pull, hardening);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
