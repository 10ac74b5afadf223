package dev.kumo.runtime.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A container image to run, with what Knative lets a container override: {@code command} replaces the image's
 * entrypoint and {@code args} its cmd (each empty: the image's own), {@code workingDir} its working directory.
 */
public record ImageWorkload(WorkloadSpec.Common common, String image, List<String> command, List<String> args,
        Optional<Path> workingDir) implements WorkloadSpec {

    public ImageWorkload {
        Objects.requireNonNull(common, "common");
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("an image workload needs an image, got \"" + image + "\"");
        }
        command = List.copyOf(command);
        args = List.copyOf(args);
        Objects.requireNonNull(workingDir, "workingDir");
    }

    /** Builds an {@link ImageWorkload}; start with {@link WorkloadSpec#image}. */
    public static final class Builder extends WorkloadSpec.Builder<Builder> {

        private final String image;

        Builder(RevisionRef revision, String image) {
            super(revision);
            this.image = image;
        }

        @Override
        public ImageWorkload build() {
            return new ImageWorkload(common(), image, command(), args(), workingDir());
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
