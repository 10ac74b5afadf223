package dev.kumo.dataplane.router;

import dev.kumo.dataplane.api.RevisionId;
import dev.kumo.dataplane.api.RevisionSettings;

/** A revision as a request path sees it: identity, settings and the gate to its instances. */
record RevisionTarget(RevisionId revision, RevisionSettings settings, Gate gate) {
}
