package dev.kumo.dataplane.router;

import dev.kumo.dataplane.api.RevisionId;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/** What every gate of a revision shares: its instances, the clock (nanoseconds) and the ejection time. */
record GateSettings(RevisionId revision, InstanceSet instances, LongSupplier nanoClock, long ejectionNanos) {

    /** A random scan start so that ties in {@link LeastLoaded} spread over instances. */
    static int start(int count) {
        return count <= 1 ? 0 : ThreadLocalRandom.current().nextInt(count);
    }

    /** Why no instance could be leased, given how many are listed ready. */
    String noEndpointMessage(int ready) {
        return ready == 0 ? "revision " + revision + " has no ready instance"
                : "revision " + revision + " has no usable instance: all " + ready
                        + " ready instances are out of rotation after connection failures";
    }
}
