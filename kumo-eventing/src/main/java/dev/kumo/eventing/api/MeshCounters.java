package dev.kumo.eventing.api;

/**
 * A snapshot of the mesh's counters since it started.
 *
 * @param accepted events stored by the ingress (answered 202)
 * @param rejected requests the ingress refused (4xx)
 * @param delivered deliveries a subscriber accepted (2xx)
 * @param retries attempts that were retries of a failed one
 * @param deadLettered deliveries that ended at a dead-letter sink
 * @param dropped deliveries that failed for good with no dead-letter sink (or whose sink failed too)
 * @param replies reply events stored back into their broker
 * @param repliesExpired replies dropped because their {@code knativebrokerttl} ran out
 */
public record MeshCounters(long accepted, long rejected, long delivered, long retries, long deadLettered,
        long dropped, long replies, long repliesExpired) {
}
