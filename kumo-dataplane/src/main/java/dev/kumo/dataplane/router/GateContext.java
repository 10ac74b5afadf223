package dev.kumo.dataplane.router;

import dev.kumo.autoscaler.metrics.RevisionId;
import java.util.function.LongSupplier;

/**
 * What a revision's gate works with and outlives it: the revision's instances, its activator state and the router's
 * clock (nanoseconds).
 */
record GateContext(RevisionId revision, InstanceSet instances, ActivatorState activator, LongSupplier nanoClock) {

    /** Takes {@code instance} out of rotation for the ejection time of {@code settings}. */
    void eject(Instance instance, GateSettings settings) {
        instance.eject(nanoClock.getAsLong() + settings.ejectionNanos());
    }

    /** Why no instance could be leased although {@code ready} instances are listed: all are ejected. */
    String noEndpointMessage(int ready) {
        return "revision " + revision + " has no usable instance: all " + ready
                + " ready instances are out of rotation after connection failures";
    }
}
