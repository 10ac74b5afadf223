package dev.kumo.runtime.podman;

import dev.kumo.runtime.spi.ImagePull;
import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.SidecarSpec;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What must hold of an image before its container is made, as the kubelet checks it: it is in podman's local
 * storage, pulled as its pull policy says ({@link ImagePulls}), and it does not run as root under runAsNonRoot
 * (CreateContainerConfigError).
 */
final class ImageChecks {

    private ImageChecks() {
    }

    /**
     * Why the instance cannot run its images, empty if it can; pulls each by the pull policy ({@code present}: the
     * serving image is in local storage), telling {@code told} how each was had.
     */
    static Optional<String> refusal(PodmanClient podman, ImageWorkload spec, boolean present,
            Consumer<ImagePull> told) {
        Optional<String> serving = ImagePulls.refusal(podman::pull, spec.image(), spec.pull(), present, told);
        if (serving.isPresent()) {
            return serving;
        }
        for (SidecarSpec sidecar : spec.sidecars()) {
            Optional<String> refusal = ImagePulls.refusal(podman::pull, sidecar.image(), spec.pull(),
                    podman.imageExists(sidecar.image()).join(), told);
            if (refusal.isPresent()) {
                return Optional.of("sidecar " + sidecar.name() + ": " + refusal.get());
            }
        }
        return runsAsRoot(podman, spec);
    }

    private static Optional<String> runsAsRoot(PodmanClient podman, ImageWorkload spec) {
        if (!spec.runAs().nonRoot() || spec.runAs().user().isPresent() && spec.runAs().user().getAsLong() != 0) {
            return Optional.empty();
        }
        String user = spec.runAs().user().isPresent() ? "0" : podman.inspectImage(spec.image()).join()
                .getJsonObject("Config", new JsonObject()).getString("User", "");
        String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        if (!name.isEmpty() && !name.equals("0") && !name.equals("root")) {
            return Optional.empty();
        }
        return Optional.of("CreateContainerConfigError: container has runAsNonRoot and image " + spec.image()
                + " will run as root (its user is " + (user.isEmpty() ? "not set" : user) + "): set "
                + "securityContext.runAsUser to a non-zero uid or use an image with a non-root USER");
    }
}
