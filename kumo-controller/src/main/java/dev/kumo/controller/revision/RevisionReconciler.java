package dev.kumo.controller.revision;

import dev.kumo.api.serving.Revision;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Reconciler;
import dev.kumo.controller.engine.Result;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/** Keeps a Revision's instances running through {@link RevisionInstances} and mirrors their state in its status. */
public final class RevisionReconciler implements Reconciler {

    /**
     * How soon a Revision whose instances could not be started looks again: what they lacked (a ConfigMap or Secret
     * that is not watched here) may have appeared since, as the kubelet retries such a pod.
     */
    static final Duration FAILED_RECHECK = Duration.ofSeconds(5);

    private final TypedStore<Revision> revisions;
    private final RevisionInstances instances;
    private final InstantSource clock;

    public RevisionReconciler(TypedStore<Revision> revisions, RevisionInstances instances, InstantSource clock) {
        this.revisions = revisions;
        this.instances = instances;
        this.clock = clock;
    }

    @Override
    public Result reconcile(NamespacedName key) {
        Optional<Revision> found = revisions.get(key.namespace(), key.name());
        if (found.isEmpty()) {
            instances.remove(key);
            return Result.done();
        }
        Revision revision = found.get();
        if (revision.metadata().deletionTimestamp() != null) {
            return Result.done();
        }
        RevisionLifecycle status = new RevisionLifecycle(revision.status(), clock);
        Result result = observeInstances(revision, status);
        revisions.updateStatusIfChanged(revision, revision.withStatus(status.toStatus(generation(revision))),
                Revision::status);
        return result;
    }

    /** Mirrors the instances' state; the runtime reports changes to running instances, failures to start are polled. */
    private Result observeInstances(Revision revision, RevisionLifecycle status) {
        switch (instances.ensure(revision)) {
            case InstanceState.Starting starting -> status.markDeploying();
            case InstanceState.Ready ready -> status.markReady(ready.replicas());
            case InstanceState.Exited exited -> status.markContainerExited(exited.exitCode(), exited.lastLogLines());
            case InstanceState.Failed failed -> {
                status.markContainerHealthyFalse(failed.reason(), failed.message());
                if (!failed.permanent()) {
                    return Result.requeueAfter(FAILED_RECHECK);
                }
            }
        }
        return Result.done();
    }

    private static long generation(Revision revision) {
        return revision.metadata().generation() == null ? 0 : revision.metadata().generation();
    }
}
