package dev.kumo.dataplane.router;

import dev.kumo.autoscaler.metrics.RevisionId;
/**
 * A revision's admission settings: at most {@code containerConcurrency} requests per instance (0: unlimited), at
 * most {@code maxQueuedPerInstance} waiting per usable instance while the activator is out of the path, and how
 * long an instance whose connection failed stays out of rotation.
 */
record GateSettings(int containerConcurrency, int maxQueuedPerInstance, long ejectionNanos) {
}
