package dev.kumo.build.run;

import dev.kumo.api.shipwright.Build;
import dev.kumo.api.shipwright.BuildStatus;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Reconciler;
import dev.kumo.controller.engine.Result;
import java.time.Duration;
import java.util.Optional;

/**
 * A Build is registered (can run) when Kumo has the strategy it names; else ClusterBuildStrategyNotFound. A deleted
 * Build's cache goes (once no run of it builds).
 */
public final class BuildReconciler implements Reconciler {

    /** When a deleted Build's cache is in use by one of its runs, how soon to try again. */
    static final Duration CACHE_IN_USE_RETRY = Duration.ofSeconds(10);

    private final TypedStore<Build> builds;
    private final Strategies strategies;
    private final BuildCaches caches;

    BuildReconciler(TypedStore<Build> builds, Strategies strategies, BuildCaches caches) {
        this.builds = builds;
        this.strategies = strategies;
        this.caches = caches;
    }

    @Override
    public Result reconcile(NamespacedName key) {
        Optional<Build> found = builds.get(key.namespace(), key.name());
        if (found.isEmpty()) {
            return BuildCaches.deleteIfIdle(caches.ofBuild(key.namespace(), key.name())) ? Result.done()
                    : Result.requeueAfter(CACHE_IN_USE_RETRY);
        }
        Build build = found.get();
        String strategy = build.spec().strategy().name();
        BuildStatus status = strategies.find(strategy).isPresent() ? BuildStatus.ready()
                : BuildStatus.notRegistered(BuildStatus.STRATEGY_NOT_FOUND, "clusterBuildStrategy " + strategy
                        + " does not exist; Kumo's strategies are " + String.join(", ", strategies.names()));
        builds.updateStatusIfChanged(build, build.withStatus(status), Build::status);
        return Result.done();
    }
}
