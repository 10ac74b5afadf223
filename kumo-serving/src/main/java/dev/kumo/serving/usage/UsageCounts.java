package dev.kumo.serving.usage;

/**
 * The usage of one key over some time.
 *
 * @param requests requests that arrived at the router
 * @param instanceSeconds seconds instances ran (from start to stop, whether ready or not)
 * @param memoryGibSeconds instance seconds times the memory limit in GiB (else the memory measured)
 * @param cpuSeconds instance seconds times the CPU limit in cores (else the CPU time measured)
 * @param coldStarts instances that started to serve a request held at zero
 * @param eventsDelivered events delivered to the Service by a Trigger or Subscription
 */
public record UsageCounts(long requests, double instanceSeconds, double memoryGibSeconds, double cpuSeconds,
        long coldStarts, long eventsDelivered) {

    public static final UsageCounts ZERO = new UsageCounts(0, 0, 0, 0, 0, 0);

    public static UsageCounts requests(long count) {
        return new UsageCounts(count, 0, 0, 0, 0, 0);
    }

    public static UsageCounts coldStart() {
        return new UsageCounts(0, 0, 0, 0, 1, 0);
    }

    public static UsageCounts delivered(long count) {
        return new UsageCounts(0, 0, 0, 0, 0, count);
    }

    public static UsageCounts cpu(double seconds) {
        return new UsageCounts(0, 0, 0, seconds, 0, 0);
    }

    /** The sum of both. */
    public UsageCounts plus(UsageCounts other) {
        return new UsageCounts(requests + other.requests, instanceSeconds + other.instanceSeconds,
                memoryGibSeconds + other.memoryGibSeconds, cpuSeconds + other.cpuSeconds,
                coldStarts + other.coldStarts, eventsDelivered + other.eventsDelivered);
    }
}
