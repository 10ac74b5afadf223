package dev.kumo.runtime.podman;

import dev.kumo.runtime.spi.ImagePull;
import dev.kumo.runtime.spi.PullSpec;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The kubelet's image pull for one image of an instance, by its {@code imagePullPolicy}: {@code Never} runs only
 * what local storage holds (ErrImageNeverPull), {@code IfNotPresent} pulls what is missing, {@code Always} pulls
 * every time (except an image pinned by digest or from a local-only registry such as {@code dev.local}, which is
 * there or nowhere); the {@code imagePullSecrets} credentials of the image's registry go along as
 * {@code X-Registry-Auth}. A failed pull is ErrImagePull with the registry's message — except where the registry
 * could not be reached (offline) for an image named without a tag or as {@code :latest} whose {@code Always} is
 * Kubernetes' default ({@link PullSpec#defaulted()}), not the user's choice, and that is in local storage: that copy
 * runs, and the failed pull is told as {@link ImagePull.Outcome#PULL_FAILED_RAN_LOCAL}. A registry that answered
 * (401, 403, 404) never lets a local copy run: under Always it is what keeps a private image private.
 */
final class ImagePulls {

    private static final String DOCKER_HUB = "docker.io";
    private static final String DOCKER_HUB_INDEX = "index.docker.io";
    // Knative's registries-skipping-tag-resolving that name no server: images built and kept on this machine.
    private static final Set<String> LOCAL_ONLY = Set.of("dev.local", "kind.local", "ko.local");
    // How Go's net package (podman's) tells a registry it could not reach: refused, DNS, timeout, no route.
    private static final List<String> TRANSPORT = List.of("connection refused", "no such host", "server misbehaving",
            "temporary failure in name resolution", "i/o timeout", "tls handshake timeout", "deadline exceeded",
            "no route to host", "network is unreachable", "connection reset by peer");
    // A registry's answer: credentials refused (401, 403) or nothing by that name (404).
    private static final List<String> ANSWERED = List.of("unauthorized", "authentication required", "denied",
            "forbidden", "manifest unknown", "name unknown", "not found");

    private ImagePulls() {
    }

    /** Podman's pull by its policy ({@link PodmanClient#pull(String, String, Optional)}), the call made here. */
    @FunctionalInterface
    interface Puller {

        /** Completes when {@code image} is pulled by podman's {@code policy}; fails with the registry's message. */
        CompletableFuture<Void> pull(String image, String policy, Optional<String> registryAuth);
    }

    /**
     * Why the image cannot be had, empty once it is in local storage; {@code present}: it is there now. How it was
     * had is told to {@code told}.
     */
    static Optional<String> refusal(Puller podman, String image, PullSpec pull, boolean present,
            Consumer<ImagePull> told) {
        if (pull.policy() == PullSpec.Policy.NEVER && !present) {
            return Optional.of("ErrImageNeverPull: container image \"" + image
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
            String failure = PodmanClient.cause(e).getMessage();
            if (present && pull.defaulted() && latestByDefault(image) && unreachable(failure)) {
                told.accept(new ImagePull(image, ImagePull.Outcome.PULL_FAILED_RAN_LOCAL,
                        Duration.ofNanos(System.nanoTime() - start), "Failed to pull image \"" + image + "\": "
                        + failure + "; the registry could not be reached, so running the copy present on this "
                        + "machine (imagePullPolicy is not set: no tag or :latest pulls Always by default; set "
                        + "imagePullPolicy: IfNotPresent to skip the pull, or Always to never run a local copy)"));
                return Optional.empty();
            }
            return Optional.of("ErrImagePull: image " + image + (present ? " is in podman's local storage but "
                    + "imagePullPolicy is Always, and pulling it failed: " : " is not in podman's local storage and "
                    + "pulling it failed: ") + failure + (present && !pull.defaulted() ? " (the local copy is not run "
                    + "under a chosen imagePullPolicy: Always; set imagePullPolicy: IfNotPresent to run it)" : ""));
        }
    }

    /**
     * Whether a pull failed because the registry could not be reached (connection refused, DNS, timeout, no route),
     * not because it answered: a refusal (401, 403), a missing image (404, manifest unknown) is never one.
     */
    static boolean unreachable(String failure) {
        String text = failure.toLowerCase(Locale.ROOT);
        return TRANSPORT.stream().anyMatch(text::contains) && ANSWERED.stream().noneMatch(text::contains);
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
