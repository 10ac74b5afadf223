package dev.kumo.controller.revision;

import dev.kumo.api.events.ObjectReference;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.Condition;
import dev.kumo.controller.events.EventRecorder;

import dev.kumo.api.serving.Revision;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Reconciler;
import dev.kumo.controller.engine.Result;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps a Revision's instances running through {@link RevisionInstances} and mirrors their state in its status;
 * instances that do not become ready within the progress deadline fail the Revision.
 */
public final class RevisionReconciler implements Reconciler {

    /**
     * How soon a Revision whose instances could not be started looks again: what they lacked (a ConfigMap or Secret
     * that is not watched here) may have appeared since, as the kubelet retries such a pod. A report that says when
     * its failure changes ({@link InstanceReport#recheckAt}, the image pull back-off) is looked at then instead.
     */
    static final Duration FAILED_RECHECK = Duration.ofSeconds(5);

    private final TypedStore<Revision> revisions;
    private final RevisionInstances instances;
    private final InstantSource clock;
    private final Duration defaultProgressDeadline;
    private final Optional<DigestResolution> digests;
    private EventRecorder events = EventRecorder.NONE;

    /** A reconciler that runs images as written, with no tag resolution. */
    public RevisionReconciler(TypedStore<Revision> revisions, RevisionInstances instances, InstantSource clock,
            Duration defaultProgressDeadline) {
        this(revisions, instances, clock, defaultProgressDeadline, Optional.empty());
    }

    /** A reconciler that resolves each Revision's image tags to digests through {@code images} before it runs. */
    public RevisionReconciler(TypedStore<Revision> revisions, RevisionInstances instances, InstantSource clock,
            Duration defaultProgressDeadline, ImageResolver images) {
        this(revisions, instances, clock, defaultProgressDeadline,
                Optional.of(new DigestResolution(images, clock, DigestResolution.TIMEOUT)));
    }

    private RevisionReconciler(TypedStore<Revision> revisions, RevisionInstances instances, InstantSource clock,
            Duration defaultProgressDeadline, Optional<DigestResolution> digests) {
        this.revisions = revisions;
        this.instances = instances;
        this.clock = clock;
        this.defaultProgressDeadline = defaultProgressDeadline;
        this.digests = digests;
    }

    /** Records the Revision becoming ready, or failing, as Events through {@code recorder} (as Knative's does). */
    void recordTo(EventRecorder recorder) {
        this.events = recorder;
    }

    /** Registers the callback told the key of a Revision whose images were resolved (or failed to). */
    void onDigests(Consumer<NamespacedName> listener) {
        digests.ifPresent(resolution -> resolution.onDone(listener));
    }

    @Override
    public Result reconcile(NamespacedName key) {
        Optional<Revision> found = revisions.get(key.namespace(), key.name());
        if (found.isEmpty()) {
            instances.remove(key);
            digests.ifPresent(resolution -> resolution.forget(key));
            return Result.done();
        }
        Revision revision = found.get();
        if (revision.metadata().deletionTimestamp() != null) {
            return Result.done();
        }
        RevisionLifecycle status = new RevisionLifecycle(revision.status(), clock);
        Result result = resolveDigests(key, revision, status).orElseGet(() ->
                observeInstances(revision.withStatus(status.toStatus(generation(revision))), status));
        Revision observed = revision.withStatus(status.toStatus(generation(revision)));
        revisions.updateStatusIfChanged(revision, observed, Revision::status);
        recordReadiness(revision, observed);
        return result;
    }

    /** Knative's "RevisionReady" when Ready turns True; a Warning "RevisionFailed" naming why when it turns False. */
    private void recordReadiness(Revision before, Revision after) {
        Optional<Condition> was = ready(before);
        Optional<Condition> now = ready(after);
        if (now.isEmpty() || was.map(c -> c.status().equals(now.get().status())).orElse(false)) {
            return;
        }
        ObjectReference about = EventRecorder.about(ResourceTypes.REVISION, after.metadata());
        if (now.get().isTrue()) {
            events.normal(about, "RevisionReady", "Revision becomes ready upon all resources being ready");
        } else if (now.get().isFalse()) {
            events.warning(about, "RevisionFailed", "Revision \"" + after.metadata().name() + "\" failed with "
                    + now.get().reason() + ": " + now.get().message());
        }
    }

    private static Optional<Condition> ready(Revision revision) {
        return revision.status() == null || revision.status().conditions() == null ? Optional.empty()
                : revision.status().conditions().stream().filter(c -> "Ready".equals(c.type())).findFirst();
    }

    /**
     * Knative's reconcileDigest: each container's image tag is resolved to a digest once, before anything runs, and
     * kept in the status so that the Revision runs the same image for ever. A result when it cannot run yet.
     */
    private Optional<Result> resolveDigests(NamespacedName key, Revision revision, RevisionLifecycle status) {
        if (digests.isEmpty()) {
            return Optional.empty();
        }
        if (status.digestsResolved(revision.spec().containersOrEmpty().size())) {
            digests.get().forget(key);
            return Optional.empty();
        }
        switch (digests.get().poll(revision)) {
            case DigestResolution.Outcome.Pending pending -> {
                // The Revision is enqueued when the registries have answered.
                return Optional.of(Result.done());
            }
            case DigestResolution.Outcome.Resolved resolved -> {
                status.setContainerStatuses(resolved.statuses());
                return Optional.empty();
            }
            case DigestResolution.Outcome.Failed failed -> {
                status.markContainerMissing(failed.image(), failed.message());
                return Optional.of(Result.requeueAfter(until(failed.retryAt())));
            }
        }
    }

    /** Mirrors the instances' state; the runtime reports changes to running instances, failures to start are polled. */
    private Result observeInstances(Revision revision, RevisionLifecycle status) {
        InstanceReport report = instances.ensure(revision);
        status.setReplicas(report.replicas());
        status.setLimitsInForce(report.limitsInForce());
        status.setRestarts(report.restarts(), report.lastTermination());
        switch (report.state()) {
            case InstanceState.Starting starting -> {
                return awaitReadiness(revision, starting, status);
            }
            case InstanceState.Ready ready -> {
                status.markReady();
                // The serving container decides readiness and routing; a failing sidecar shows in ContainerHealthy.
                report.sidecarProblems().stream().findFirst().ifPresent(status::markSidecarUnhealthy);
            }
            case InstanceState.ScaledToZero idle -> status.markScaledToZero();
            case InstanceState.Exited exited -> status.markContainerExited(exited);
            case InstanceState.CrashLoopBackOff loop -> status.markCrashLoopBackOff(loop);
            case InstanceState.Failed failed -> {
                status.markCannotStart(failed.reason(), failed.message());
                if (!failed.permanent()) {
                    return Result.requeueAfter(report.recheckAt().map(this::until).orElse(FAILED_RECHECK));
                }
            }
        }
        return Result.done();
    }

    /** Deploying until the progress deadline, looked at again when it falls due; past it the Revision has failed. */
    private Result awaitReadiness(Revision revision, InstanceState.Starting starting, RevisionLifecycle status) {
        ProgressDeadline deadline = ProgressDeadline.of(revision, defaultProgressDeadline);
        Instant now = clock.instant();
        if (deadline.exceeded(starting.since(), now)) {
            status.markProgressDeadlineExceeded(deadline, starting.lastProbeFailure(), starting.lastLogLines());
            return Result.done();
        }
        status.markDeploying();
        return Result.requeueAfter(deadline.remaining(starting.since(), now));
    }

    /** The wait until {@code at}, at least a millisecond (a requeue after zero is none). */
    private Duration until(Instant at) {
        Duration wait = Duration.between(clock.instant(), at);
        return wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait;
    }

    private static long generation(Revision revision) {
        return revision.metadata().generation() == null ? 0 : revision.metadata().generation();
    }
}
