package dev.kumo.controller.revision;

import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.pod.Container;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the Revision reconciler needs to make a Revision immutable, as Knative's does before it deploys: the digest
 * a container's image tag points at now. The Revision keeps the answer in {@code status.containerStatuses} and its
 * instances run it; it is asked once per Revision, never again.
 */
@FunctionalInterface
public interface ImageResolver {

    /**
     * The image of {@code container} (one of {@code revision}'s) by digest, {@code REPOSITORY@sha256:…}, or empty
     * when it is run as written (no image, a registry that skips tag resolution, a Revision run as a process). An
     * image given by digest is answered as given. Completes exceptionally with an {@link ImageResolutionException}
     * saying what the registry answered; must not block the caller.
     */
    CompletableFuture<Optional<String>> digest(Revision revision, Container container);
}
