package dev.kumo.serving;

import dev.kumo.dataplane.api.InMemoryEndpoints;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.Subscription;
import dev.kumo.runtime.spi.WorkloadRuntime;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Keeps the router's view of ready instances in step with the runtime, revision by revision, leaving out instances
 * being drained; every real change reaches the router through {@link InMemoryEndpoints}' change notification,
 * which wakes requests held at zero.
 */
final class RuntimeEndpoints {

    private final WorkloadRuntime runtime;
    private final InMemoryEndpoints endpoints;
    private final Predicate<String> draining;

    RuntimeEndpoints(WorkloadRuntime runtime, InMemoryEndpoints endpoints, Predicate<String> draining) {
        this.runtime = runtime;
        this.endpoints = endpoints;
        this.draining = draining;
    }

    /** Follows the runtime until the returned subscription is closed. */
    Subscription track() {
        return runtime.watch(changed -> refresh(
                new RevisionId(changed.revision().namespace(), changed.revision().revision())));
    }

    /** Recomputes one revision's ready, not draining, instances. */
    void refresh(RevisionId revision) {
        endpoints.set(revision, serving(revision));
    }

    /** How many instances of {@code revision} are ready and not draining (what the autoscaler counts). */
    int ready(RevisionId revision) {
        return serving(revision).size();
    }

    private List<InstanceAddress> serving(RevisionId revision) {
        return runtime.instances().stream()
                .filter(i -> i.revision().namespace().equals(revision.namespace())
                        && i.revision().revision().equals(revision.name()))
                .filter(i -> !draining.test(i.id()))
                .map(Instance::address).flatMap(Optional::stream)
                .toList();
    }
}
