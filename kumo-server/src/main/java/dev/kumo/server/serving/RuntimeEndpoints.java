package dev.kumo.server.serving;

import dev.kumo.dataplane.api.InMemoryEndpoints;
import dev.kumo.dataplane.api.InstanceAddress;
import dev.kumo.dataplane.api.RevisionId;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.Subscription;
import dev.kumo.runtime.spi.WorkloadRuntime;
import java.util.List;

/**
 * Keeps the router's view of ready instances in step with the runtime, revision by revision; every real change
 * reaches the router through {@link InMemoryEndpoints}' change notification, which wakes requests held at zero.
 */
final class RuntimeEndpoints {

    private RuntimeEndpoints() {
    }

    /** Follows {@code runtime} into {@code endpoints} until the returned subscription is closed. */
    static Subscription track(WorkloadRuntime runtime, InMemoryEndpoints endpoints) {
        return runtime.watch(changed -> {
            RevisionId revision = new RevisionId(changed.revision().namespace(), changed.revision().revision());
            List<InstanceAddress> ready = runtime.instances().stream()
                    .filter(i -> i.revision().namespace().equals(revision.namespace())
                            && i.revision().revision().equals(revision.name()))
                    .map(Instance::address).flatMap(java.util.Optional::stream)
                    .map(address -> new InstanceAddress(address.getHostString(), address.getPort()))
                    .toList();
            endpoints.set(revision, ready);
        });
    }
}
