package dev.kumo.api.serving.defaults;

/**
 * The cluster-wide serving defaults and limits (Knative's {@code config-defaults}), as one immutable snapshot.
 *
 * @param revisionTimeoutSeconds request timeout given to Revisions that set none
 * @param maxRevisionTimeoutSeconds the largest {@code timeoutSeconds} a Revision may set
 * @param revisionResponseStartTimeoutSeconds first-byte timeout, given only when below the request timeout
 * @param revisionIdleTimeoutSeconds idle timeout, given only when non-zero and below the request timeout
 * @param containerConcurrency in-flight requests per instance given to Revisions that set none (0 = unlimited)
 * @param containerConcurrencyMaxLimit the largest {@code containerConcurrency} a Revision may set
 * @param userContainerName the name given to an unnamed container
 */
public record ServingDefaults(
        long revisionTimeoutSeconds,
        long maxRevisionTimeoutSeconds,
        long revisionResponseStartTimeoutSeconds,
        long revisionIdleTimeoutSeconds,
        long containerConcurrency,
        long containerConcurrencyMaxLimit,
        String userContainerName) {

    /** Knative's own defaults. */
    public static final ServingDefaults KNATIVE = new ServingDefaults(300, 600, 300, 0, 0, 1000, "user-container");
}
