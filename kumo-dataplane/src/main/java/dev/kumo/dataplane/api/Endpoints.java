package dev.kumo.dataplane.api;

import java.util.List;

/**
 * The live view of ready instances per revision. The router asks on every request, so an implementation must be
 * cheap and thread-safe; returning the same list object while nothing changed lets the router skip re-indexing.
 */
@FunctionalInterface
public interface Endpoints {

    /** The instances of {@code revision} ready to serve now; empty when there are none. */
    List<InstanceAddress> ready(RevisionId revision);
}
