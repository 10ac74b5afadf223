package dev.kumo.runtime.podman;

import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.ProbeSpec;
import java.util.Optional;
import java.util.stream.Stream;

/** What the SPI can carry that this runtime does not run yet: refused by name rather than ignored. */
final class NotYetRun {

    private NotYetRun() {
    }

    static Optional<String> refusal(ImageWorkload image) {
        if (!image.sidecars().isEmpty()) {
            return Optional.of("containers: " + (image.sidecars().size() + 1) + " containers; the container runtime "
                    + "runs one container per revision so far: remove the sidecars or run them as Services");
        }
        Optional<String> mounts = MountSpecs.refusal(image);
        if (mounts.isPresent()) {
            return mounts;
        }
        return Stream.concat(Stream.of(image.readiness()), image.liveness().stream()).map(ProbeSpec::probe)
                .filter(probe -> probe instanceof Probe.Exec || probe instanceof Probe.Grpc).findFirst()
                .map(probe -> (probe instanceof Probe.Exec ? "exec" : "grpc") + " probes: the container runtime "
                        + "does not run them yet; use httpGet or tcpSocket");
    }
}
