package dev.kumo.serving.deployments;

import dev.kumo.api.apps.Deployment;
import dev.kumo.api.apps.DeploymentStatus;
import dev.kumo.api.apps.DeploymentStrategy;
import dev.kumo.api.apps.ReplicaSet;
import dev.kumo.api.apps.RolloutBounds;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Reconciler;
import dev.kumo.controller.engine.Result;
import dev.kumo.runtime.spi.Instance;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code replicas} instances of a Deployment's template running, as its ReplicaSets would: a stopped or
 * deleted instance is replaced, and a template change rolls within maxSurge/maxUnavailable ({@link RolloutPlan}).
 * Phases: read (its ReplicaSets give the current template's hash), plan and act, write the ReplicaSet views
 * ({@link ReplicaSetViews}) and the revision, then the status ({@link DeploymentStatuses}); a deleted Deployment's
 * instances stop (its ReplicaSets go by cascade). An instance counts as available after {@code minReadySeconds}
 * ready ({@link Availability}). While the rollout is not done it looks again every few seconds (the progress deadline is timed).
 */
public final class DeploymentReconciler implements Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(DeploymentReconciler.class);

    /** How soon an unfinished rollout is looked at again, besides its instances' changes. */
    static final Duration LOOK_AGAIN = Duration.ofSeconds(5);

    private final TypedStore<Deployment> deployments;
    private final ReplicaSetWriter replicaSets;
    private final DeploymentRuntime runtime;
    private final InstantSource clock;

    public DeploymentReconciler(TypedStore<Deployment> deployments, TypedStore<ReplicaSet> replicaSets,
            DeploymentRuntime runtime, InstantSource clock) {
        this.deployments = deployments;
        this.replicaSets = new ReplicaSetWriter(deployments, replicaSets);
        this.runtime = runtime;
        this.clock = clock;
    }

    @Override
    public Result reconcile(NamespacedName key) {
        Optional<Deployment> found = deployments.get(key.namespace(), key.name());
        if (found.isEmpty()) {
            runtime.instances(key.namespace(), key.name()).forEach(runtime::stop);
            return Result.done();
        }
        Deployment deployment = found.get();
        List<ReplicaSet> owned = replicaSets.owned(deployment);
        String hash = ReplicaSetViews.currentHash(deployment, owned);
        Duration minReady = Availability.minReady(deployment.spec().minReadySeconds());
        Optional<String> failedCreate = Boolean.TRUE.equals(deployment.spec().paused()) ? Optional.empty()
                : converge(deployment, hash, minReady);
        List<Instance> now = runtime.instances(key.namespace(), key.name());
        deployment = replicaSets.write(deployment, ReplicaSetViews.plan(deployment, hash, owned,
                countsByHash(now, minReady)));
        DeploymentStatus status = status(deployment, hash, now, minReady, failedCreate);
        deployments.updateStatusIfChanged(deployment, deployment.withStatus(status), Deployment::status);
        boolean done = failedCreate.isEmpty() && status.updatedReplicas() == deployment.spec().replicasOrDefault()
                && status.replicas().equals(status.updatedReplicas())
                && status.availableReplicas() >= status.updatedReplicas();
        Optional<Duration> available = Availability.next(now, minReady, clock.instant())
                .filter(d -> d.compareTo(LOOK_AGAIN) < 0);
        return done ? Result.done() : Result.requeueAfter(available.orElse(LOOK_AGAIN));
    }

    /** Stops and starts what the plan says; returns why a start failed, if one did. */
    private Optional<String> converge(Deployment deployment, String hash, Duration minReady) {
        String namespace = deployment.metadata().namespace();
        String name = deployment.metadata().name();
        List<Instance> running = runtime.instances(namespace, name);
        List<RolloutPlan.Replica> replicas = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < running.size(); i++) {
            Instance instance = running.get(i);
            // The plan's "ready" is available: an old one stops only for new ones ready for minReadySeconds.
            replicas.add(new RolloutPlan.Replica(instance.id(), isCurrent(instance, hash),
                    Availability.available(instance, minReady, now), i));
        }
        int wanted = deployment.spec().replicasOrDefault();
        DeploymentStrategy strategy = deployment.spec().strategy();
        RolloutPlan plan = strategy != null && DeploymentStrategy.RECREATE.equals(strategy.type())
                ? RolloutPlan.recreate(wanted, replicas, runtime.stopping(namespace, name))
                : RolloutPlan.of(wanted, RolloutBounds.of(deployment.spec()), replicas);
        running.stream().filter(i -> plan.stop().contains(i.id())).forEach(runtime::stop);
        for (int i = 0; i < plan.start(); i++) {
            try {
                runtime.start(deployment, hash);
            } catch (IllegalArgumentException | IllegalStateException e) {
                LOG.debug("starting an instance of deployment {}/{}: {}", namespace, name, e.getMessage());
                return Optional.of(e.getMessage());
            }
        }
        return Optional.empty();
    }

    private DeploymentStatus status(Deployment deployment, String hash, List<Instance> now, Duration minReady,
            Optional<String> failedCreate) {
        Instant at = clock.instant();
        int updated = (int) now.stream().filter(i -> isCurrent(i, hash)).count();
        int ready = (int) now.stream().filter(i -> i.address().isPresent()).count();
        int available = (int) now.stream().filter(i -> Availability.available(i, minReady, at)).count();
        return DeploymentStatuses.of(deployment, deployment.metadata().name() + "-" + hash,
                new DeploymentStatuses.Counts(now.size(), updated, ready, available), failedCreate, at);
    }

    private Map<String, ReplicaSetViews.Counts> countsByHash(List<Instance> now, Duration minReady) {
        Instant at = clock.instant();
        Map<String, ReplicaSetViews.Counts> counts = new HashMap<>();
        for (Instance instance : now) {
            DeploymentInstances.hash(instance.revision()).ifPresent(h -> counts.merge(h,
                    new ReplicaSetViews.Counts(1, instance.address().isPresent() ? 1 : 0,
                            Availability.available(instance, minReady, at) ? 1 : 0),
                    (a, b) -> new ReplicaSetViews.Counts(a.replicas() + b.replicas(), a.ready() + b.ready(),
                            a.available() + b.available())));
        }
        return counts;
    }

    private static boolean isCurrent(Instance instance, String hash) {
        return DeploymentInstances.hash(instance.revision()).map(hash::equals).orElse(false);
    }
}
