package dev.kumo.build.run;

import dev.kumo.api.shipwright.Build;
import dev.kumo.api.shipwright.BuildRun;
import dev.kumo.api.shipwright.ShipwrightTypes;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.Controller;
import dev.kumo.controller.engine.Engine;
import dev.kumo.controller.engine.KeyQueue;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.store.ResourceStore;
import java.nio.file.Path;
import java.time.InstantSource;


/**
 * Wires the Build and BuildRun reconcilers into an engine: Builds are reconciled on their own; BuildRuns on their
 * changes, their Build's, and their jobs' start and end.
 */
public final class BuildController {

    public static final String BUILDS = "builds";
    public static final String BUILD_RUNS = "buildruns";

    private BuildController() {
    }

    /** Registers both controllers with {@code engine}; the runs' logs and workspaces live under {@code dataDir}. */
    public static void register(Engine engine, ResourceStore store, InstantSource clock, Strategies strategies,
            BuildJobs jobs, BuildLogs logs, Path dataDir) {
        TypedStore<Build> builds = new TypedStore<>(store, ShipwrightTypes.BUILD, Build.class);
        TypedStore<BuildRun> runs = new TypedStore<>(store, ShipwrightTypes.BUILD_RUN, BuildRun.class);
        BuildCaches caches = new BuildCaches(dataDir);
        // Caches whose Build or run went while the server was down.
        caches.sweep(builds.listAll(), runs.listAll());
        engine.register(Controller.of(BUILDS, ShipwrightTypes.BUILD, new BuildReconciler(builds, strategies, caches)));
        KeyQueue queue = engine.register(Controller.of(BUILD_RUNS, ShipwrightTypes.BUILD_RUN,
                new BuildRunReconciler(runs, builds, strategies, jobs, logs, dataDir, clock))
                .watching(ShipwrightTypes.BUILD, build -> {
                    String namespace = build.path("metadata").path("namespace").asText();
                    String name = build.path("metadata").path("name").asText();
                    return runs.list(namespace, "").stream()
                            .filter(run -> name.equals(run.spec().build().name()) && !run.done())
                            .map(run -> new NamespacedName(namespace, run.metadata().name())).toList();
                }));
        jobs.onChange(queue::enqueue);
    }

}
