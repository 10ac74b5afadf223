package dev.kumo.dataplane.router;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RevisionSettings;

/**
 * A revision as a request path sees it: identity, settings, the gate to its instances, what the gate works with (its
 * instances and activator state) and its statistics.
 */
record RevisionTarget(RevisionId revision, RevisionSettings settings, Gate gate, GateContext context,
        RevisionStats stats, String revisionName) {

    /** Performance: {@code revisionName} ({@code namespace/name}) is built once per route table, not per request. */
    RevisionTarget(RevisionId revision, RevisionSettings settings, Gate gate, GateContext context,
            RevisionStats stats) {
        this(revision, settings, gate, context, stats, revision.toString());
    }
}
