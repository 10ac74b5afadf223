package dev.kumo.dataplane.router;

import dev.kumo.autoscaler.metrics.RevisionId;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * What every gate of a revision shares: its instances, its activator state, the clock (nanoseconds) and the
 * ejection time.
 */
record GateSettings(RevisionId revision, InstanceSet instances, Activation activation, LongSupplier nanoClock,
        long ejectionNanos) {

    /** A random scan start so that ties in {@link LeastLoaded} spread over instances. */
    static int start(int count) {
        return count <= 1 ? 0 : ThreadLocalRandom.current().nextInt(count);
    }

    /** Why no instance could be leased although {@code ready} instances are listed: all are ejected. */
    String noEndpointMessage(int ready) {
        return "revision " + revision + " has no usable instance: all " + ready
                + " ready instances are out of rotation after connection failures";
    }
}
