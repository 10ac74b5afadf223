package dev.kumo.build.run;

import dev.kumo.api.shipwright.Build;
import dev.kumo.api.shipwright.BuildStatus;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Reconciler;
import dev.kumo.controller.engine.Result;
import java.util.Optional;

/** A Build is registered (can run) when Kumo has the strategy it names; else ClusterBuildStrategyNotFound. */
public final class BuildReconciler implements Reconciler {

    private final TypedStore<Build> builds;
    private final Strategies strategies;

    public BuildReconciler(TypedStore<Build> builds, Strategies strategies) {
        this.builds = builds;
        this.strategies = strategies;
    }

    @Override
    public Result reconcile(NamespacedName key) {
        Optional<Build> found = builds.get(key.namespace(), key.name());
        if (found.isEmpty()) {
            return Result.done();
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
