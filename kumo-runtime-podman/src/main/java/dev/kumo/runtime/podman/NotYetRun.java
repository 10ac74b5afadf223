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
        Optional<String> mounts = MountSpecs.refusal(image);
        if (mounts.isPresent()) {
            return mounts;
        }
        return Stream.concat(Stream.concat(Stream.of(image.readiness()), image.liveness().stream()),
                        SidecarSpecs.probes(image)).map(ProbeSpec::probe)
                .filter(probe -> probe instanceof Probe.Grpc).findFirst()
                .map(probe -> "grpc probes: the container runtime does not run them yet; use httpGet, tcpSocket or "
                        + "exec");
    }
}
