package dev.kumo.dataplane.api;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.runtime.spi.InstanceAddress;
import java.util.List;
import java.util.function.Consumer;

/**
 * The live view of ready instances per revision. The router asks on every request, so an implementation must be
 * cheap and thread-safe; returning the same list object while nothing changed lets the router skip re-indexing.
 */
@FunctionalInterface
public interface Endpoints {

    /** The instances of {@code revision} ready to serve now; empty when there are none. */
    List<InstanceAddress> ready(RevisionId revision);

    /**
     * Calls {@code listener} with a revision after its ready instances changed, so that requests held at zero go on
     * at once; it must return quickly. Without notifications (this default) the router re-reads every second.
     */
    default Subscription subscribe(Consumer<RevisionId> listener) {
        return () -> { };
    }

    /** Stops the change notifications it was returned for. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {

        @Override
        void close();
    }
}
