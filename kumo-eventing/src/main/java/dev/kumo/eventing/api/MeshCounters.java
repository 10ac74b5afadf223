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
 * @param literalPercent {@code ce-*} header values whose {@code %} did not start a valid escape, taken as sent
 * @param dispatchFailures events a Trigger's dispatcher could not handle (an unreadable stored event, an unexpected
 *     exception), each logged once with the Trigger and the event id and dropped; and failed passes of its loop
 */
public record MeshCounters(long accepted, long rejected, long delivered, long retries, long deadLettered,
        long dropped, long replies, long repliesExpired, long literalPercent, long dispatchFailures) {
}
