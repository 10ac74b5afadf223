package dev.kumo.dataplane.router;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RevisionSettings;

/**
 * A revision as a request path sees it: identity, settings, the gate to its instances, what the gate works with (its
 * instances and activator state) and its statistics.
 */
record RevisionTarget(RevisionId revision, RevisionSettings settings, Gate gate, GateContext context,
        RevisionStats stats) {
}
