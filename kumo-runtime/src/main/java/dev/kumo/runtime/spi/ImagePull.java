package dev.kumo.runtime.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * How the runtime had one image of an instance before running it, as the kubelet reports it in Events: already on
 * the machine, pulled (and how long that took), or the pull failed and the copy on the machine was run instead.
 * A pull that fails with no copy to run is the instance's {@code ErrImagePull} failure, not an {@code ImagePull}.
 */
public record ImagePull(String image, Outcome outcome, Duration took, String message) {

    public ImagePull {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(took, "took");
        Objects.requireNonNull(message, "message");
    }

    /** What came of it. */
    public enum Outcome {
        /** Present in local storage and not pulled (the policy did not ask for it). */
        PRESENT,
        /** Pulled from its registry. */
        PULLED,
        /** The policy asked for a pull, it failed ({@code message} says why), and the local copy was run. */
        PULL_FAILED_RAN_LOCAL
    }
}
