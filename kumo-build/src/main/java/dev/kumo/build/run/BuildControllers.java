package dev.kumo.build.run;

import dev.kumo.controller.engine.Engine;
import dev.kumo.controller.engine.EngineOptions;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.store.ResourceStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.function.Consumer;

/**
 * Builds running in a server: the Build and BuildRun controllers on an engine of their own, the jobs (at most
 * {@code slots} builds at once) and the logs, all under {@code dir} ({@code logs/}, {@code cache/},
 * {@code workspaces/}). Closing stops the controllers, then the running builds.
 */
public final class BuildControllers implements AutoCloseable {

    /** Builds at once by default: a build is CPU- and disk-heavy, and Kumo shares the machine with its workloads. */
    public static final int DEFAULT_SLOTS = 2;

    private final Engine engine;
    private final BuildJobs jobs;
    private final BuildLogs logs;

    private BuildControllers(Engine engine, BuildJobs jobs, BuildLogs logs) {
        this.engine = engine;
        this.jobs = jobs;
        this.logs = logs;
    }

    /** Starts the controllers over {@code store} with {@code strategies}. */
    public static BuildControllers start(ResourceStore store, InstantSource clock, Strategies strategies, Path dir,
            int slots) {
        return start(store, clock, strategies, dir, slots, EngineOptions.DEFAULTS);
    }

    /** The same, the engine running with {@code options}. */
    public static BuildControllers start(ResourceStore store, InstantSource clock, Strategies strategies, Path dir,
            int slots, EngineOptions options) {
        BuildLogs logs = new BuildLogs(dir.resolve("logs"));
        BuildJobs jobs = new BuildJobs(slots, logs);
        Engine engine = new Engine(store, clock, options);
        BuildController.register(engine, store, clock, strategies, jobs, logs, dir);
        engine.start();
        return new BuildControllers(engine, jobs, logs);
    }

    /**
     * Sends the last {@code tailLines} lines of the log of the BuildRun {@code name}, then, when {@code follow}, its
     * new lines until the run ends; closing the handle stops them.
     */
    public AutoCloseable log(String namespace, String name, int tailLines, boolean follow, Consumer<String> lines,
            Runnable end) {
        return logs.open(new NamespacedName(namespace, name), tailLines, follow, lines, end);
    }

    /** Waits until the controllers have nothing left to do (the builds themselves may still run). */
    public boolean awaitIdle(Duration timeout) {
        return engine.awaitIdle(timeout);
    }

    @Override
    public void close() {
        engine.close();
        jobs.close();
    }
}
