package dev.kumo.runtime.podman;

import dev.kumo.runtime.spi.ImagePull;
import dev.kumo.runtime.spi.PullSpec;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The kubelet's image pull for one image of an instance, by its {@code imagePullPolicy}: {@code Never} runs only
 * what local storage holds (ErrImageNeverPull), {@code IfNotPresent} pulls what is missing, {@code Always} pulls
 * every time (except an image pinned by digest or from a local-only registry such as {@code dev.local}, which is
 * there or nowhere); the {@code imagePullSecrets} credentials of the image's registry go along as
 * {@code X-Registry-Auth}. A failed pull is ErrImagePull with the registry's message — except, offline, for an image
 * named without a tag or as {@code :latest} (whose {@code Always} is Kubernetes' default, not a choice) that is in
 * local storage: that copy runs, and the failed pull is told as {@link ImagePull.Outcome#PULL_FAILED_RAN_LOCAL}.
 */
final class ImagePulls {

    private static final String DOCKER_HUB = "docker.io";
    private static final String DOCKER_HUB_INDEX = "index.docker.io";
    // Knative's registries-skipping-tag-resolving that name no server: images built and kept on this machine.
    private static final Set<String> LOCAL_ONLY = Set.of("dev.local", "kind.local", "ko.local");

    private ImagePulls() {
    }

    /**
     * Why the image cannot be had, empty once it is in local storage; {@code present}: it is there now. How it was
     * had is told to {@code told}.
     */
    static Optional<String> refusal(PodmanClient podman, String image, PullSpec pull, boolean present,
            Consumer<ImagePull> told) {
        if (pull.policy() == PullSpec.Policy.NEVER) {
            return present ? Optional.empty() : Optional.of("ErrImageNeverPull: container image \"" + image
                    + "\" is not present with pull policy of Never: load it into podman's storage (kumo image load) "
                    + "or set imagePullPolicy to IfNotPresent");
        }
        if (present && !pullsAtEveryStart(image, pull)) {
            told.accept(new ImagePull(image, ImagePull.Outcome.PRESENT, Duration.ZERO, "Container image \"" + image
                    + "\" already present on machine"));
            return Optional.empty();
        }
        String policy = pull.policy() == PullSpec.Policy.ALWAYS ? "always" : "missing";
        long start = System.nanoTime();
        try {
            podman.pull(image, policy, registryAuth(image, pull)).join();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            told.accept(new ImagePull(image, ImagePull.Outcome.PULLED, took, "Successfully pulled image \"" + image
                    + "\" in " + took.toMillis() + "ms"));
            return Optional.empty();
        } catch (RuntimeException e) {
            if (present && latestByDefault(image)) {
                told.accept(new ImagePull(image, ImagePull.Outcome.PULL_FAILED_RAN_LOCAL,
                        Duration.ofNanos(System.nanoTime() - start), "Failed to pull image \"" + image + "\": "
                        + PodmanClient.cause(e).getMessage() + "; running the copy present on this machine (no tag "
                        + "or :latest pulls Always by default; set imagePullPolicy: IfNotPresent to skip the pull)"));
                return Optional.empty();
            }
            return Optional.of("ErrImagePull: image " + image + (present ? " is in podman's local storage but "
                    + "imagePullPolicy is Always, and pulling it failed: " : " is not in podman's local storage and "
                    + "pulling it failed: ") + PodmanClient.cause(e).getMessage());
        }
    }

    /**
     * Whether starting {@code image} pulls it even when it is in local storage: only {@code Always} of a tag in a
     * registry there is. A digest names fixed content; a local-only registry has nothing to pull from.
     */
    static boolean pullsAtEveryStart(String image, PullSpec pull) {
        return pull.policy() == PullSpec.Policy.ALWAYS && !image.contains("@sha256:")
                && !LOCAL_ONLY.contains(registry(image));
    }

    /**
     * Whether {@code image} is one whose pull policy defaults to {@code Always} in Kubernetes: no tag, or
     * {@code :latest}, and no digest.
     */
    static boolean latestByDefault(String image) {
        if (image.contains("@")) {
            return false;
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        return colon < 0 || last.substring(colon + 1).equals("latest");
    }

    /** The registry an image reference names: its first part if that looks like a host, else Docker Hub. */
    static String registry(String image) {
        int slash = image.indexOf('/');
        String first = slash < 0 ? "" : image.substring(0, slash);
        return first.contains(".") || first.contains(":") || first.equals("localhost") ? first : DOCKER_HUB;
    }

    /** Docker's {@code X-Registry-Auth}: the credential of the image's registry as base64url JSON, if any. */
    static Optional<String> registryAuth(String image, PullSpec pull) {
        String registry = registry(image);
        Optional<PullSpec.RegistryCredential> credential = Optional.ofNullable(pull.credentials().get(registry))
                .or(() -> registry.equals(DOCKER_HUB) ? Optional.ofNullable(pull.credentials().get(DOCKER_HUB_INDEX))
                        : Optional.empty());
        return credential.map(found -> Base64.getUrlEncoder().encodeToString(new JsonObject()
                .put("username", found.user()).put("password", found.password()).put("serveraddress", registry)
                .encode().getBytes(StandardCharsets.UTF_8)));
    }
}
