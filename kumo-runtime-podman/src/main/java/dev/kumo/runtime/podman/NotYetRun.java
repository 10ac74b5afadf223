package dev.kumo.runtime.podman;

import dev.kumo.runtime.spi.ImageWorkload;
import java.util.Optional;

/** What the SPI can carry that this runtime does not run yet: refused by name rather than ignored. */
final class NotYetRun {

    private NotYetRun() {
    }

    static Optional<String> refusal(ImageWorkload image) {
        Optional<String> mounts = MountSpecs.refusal(image);
        if (mounts.isPresent()) {
            return mounts;
        }
        if (image.sidecars().stream().anyMatch(sidecar -> !sidecar.mounts().isEmpty())) {
            return Optional.of("volumeMounts of a sidecar: the container runtime mounts volumes into the serving "
                    + "container only so far: mount them there, or pass the values as env");
        }
        return Optional.empty();
    }
}
