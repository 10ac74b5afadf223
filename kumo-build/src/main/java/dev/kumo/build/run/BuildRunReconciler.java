package dev.kumo.build.run;

import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.serving.autoscaling.GoDuration;
import dev.kumo.api.shipwright.Build;
import dev.kumo.api.shipwright.BuildRun;
import dev.kumo.api.shipwright.BuildRunStatus;
import dev.kumo.api.shipwright.BuildSpec;
import dev.kumo.api.shipwright.BuildStatus;
import dev.kumo.api.shipwright.lifecycle.BuildRunConditions;
import dev.kumo.build.spi.BuildOutcome;
import dev.kumo.build.spi.BuildRequest;
import dev.kumo.build.spi.BuildStrategy;
import dev.kumo.common.files.PrivateDirectories;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Reconciler;
import dev.kumo.controller.engine.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs each BuildRun once: resolves its Build, starts its strategy as a {@link BuildJobs} job, records Running, then
 * the outcome (Succeeded with the digest, or Failed naming the step with the log tail); cancels it on
 * {@code spec.state: BuildRunCanceled}, times it out, and afterwards deletes the Build's runs beyond its retention.
 */
public final class BuildRunReconciler implements Reconciler {

    /** How long a run may take when neither it nor its Build says (Tekton's default for a TaskRun). */
    static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

    private final TypedStore<BuildRun> runs;
    private final TypedStore<Build> builds;
    private final Strategies strategies;
    private final BuildJobs jobs;
    private final BuildLogs logs;
    private final Path dataDir;
    private final BuildCaches caches;
    private final InstantSource clock;

    public BuildRunReconciler(TypedStore<BuildRun> runs, TypedStore<Build> builds, Strategies strategies,
            BuildJobs jobs, BuildLogs logs, Path dataDir, InstantSource clock) {
        this.runs = runs;
        this.builds = builds;
        this.strategies = strategies;
        this.jobs = jobs;
        this.logs = logs;
        this.dataDir = dataDir;
        this.caches = new BuildCaches(dataDir);
        this.clock = clock;
    }

    @Override
    public Result reconcile(NamespacedName key) {
        Optional<BuildRun> found = runs.get(key.namespace(), key.name());
        if (found.isEmpty()) {
            jobs.forget(key);
            logs.delete(key);
            cleanWorkspace(workspace(key));
            BuildCaches.deleteIfIdle(caches.ofRun(key.namespace(), key.name()));
            return Result.done();
        }
        BuildRun run = found.get();
        if (run.done()) {
            jobs.forget(key);
            return Result.done();
        }
        Optional<BuildJobs.Job> job = jobs.job(key);
        if (job.isPresent() && job.get().outcome().isPresent()) {
            return finish(run, job.get());
        }
        if (run.cancelRequested()) {
            return cancel(key, run, job);
        }
        return job.isPresent() ? watch(run, job.get()) : start(key, run);
    }

    /** The job ended: its outcome becomes the Succeeded condition; then the Build keeps only its last runs. */
    private Result finish(BuildRun run, BuildJobs.Job job) {
        Instant now = clock.instant();
        BuildRunStatus status = run.statusOrEmpty();
        BuildRunStatus ended = switch (job.outcome().orElseThrow()) {
            case BuildOutcome.Built built -> BuildRunConditions.markSucceeded(status, now, built.digest(), built.size());
            case BuildOutcome.Failed failed -> BuildRunConditions.markFailed(status, now, failed.reason(),
                    failureMessage(failed), failed.step());
            case BuildOutcome.Cancelled cancelled -> job.stopReason().orElse(BuildJobs.Stop.CANCELED)
                    == BuildJobs.Stop.TIMED_OUT
                    ? BuildRunConditions.markFailed(status, now, BuildRunConditions.TIMEOUT, "BuildRun "
                            + run.metadata().name() + " failed to finish within " + timeout(run, status.buildSpec()),
                            job.step())
                    : canceled(status, now);
        };
        runs.updateStatusIfChanged(run, run.withStatus(ended), BuildRun::status);
        jobs.forget(new NamespacedName(run.metadata().namespace(), run.metadata().name()));
        cleanWorkspace(workspace(new NamespacedName(run.metadata().namespace(), run.metadata().name())));
        if (run.spec().build().name() == null) {
            // A run of its own runs once: its cache has nothing left to give.
            BuildCaches.deleteIfIdle(caches.ofRun(run.metadata().namespace(), run.metadata().name()));
        }
        applyRetention(run);
        return Result.done();
    }

    /** Cancel asked: a running job is stopped (its end is recorded then), one not started is canceled now. */
    private Result cancel(NamespacedName key, BuildRun run, Optional<BuildJobs.Job> job) {
        if (job.isPresent() && job.get().started()) {
            job.get().stop(BuildJobs.Stop.CANCELED);
            return Result.done();
        }
        jobs.forget(key);
        runs.updateStatusIfChanged(run, run.withStatus(canceled(run.statusOrEmpty(), clock.instant())),
                BuildRun::status);
        applyRetention(run);
        return Result.done();
    }

    private static BuildRunStatus canceled(BuildRunStatus status, Instant now) {
        return BuildRunConditions.markFailed(status, now, BuildRunConditions.CANCELED,
                "The user requested the BuildRun to be canceled", null);
    }

    /** A job runs or waits for a slot: record which, stop it past its deadline, look again at the deadline. */
    private Result watch(BuildRun run, BuildJobs.Job job) {
        Instant now = clock.instant();
        if (!now.isBefore(job.deadline())) {
            job.stop(BuildJobs.Stop.TIMED_OUT);
            return Result.done();
        }
        if (job.started()) {
            BuildRunStatus status = run.statusOrEmpty();
            boolean running = status.succeeded().map(c -> BuildRunConditions.RUNNING.equals(c.reason()))
                    .orElse(false);
            if (!running) {
                runs.updateStatusIfChanged(run, run.withStatus(BuildRunConditions.markRunning(status, now,
                        status.buildSpec())), BuildRun::status);
            }
        }
        return Result.requeueAfter(Duration.between(now, job.deadline()));
    }

    /** Resolves the Build and its strategy, and starts the job. */
    private Result start(NamespacedName key, BuildRun run) {
        Instant now = clock.instant();
        Optional<BuildSpec> spec = buildSpec(run);
        if (spec.isEmpty()) {
            runs.updateStatusIfChanged(run, run.withStatus(BuildRunConditions.markFailed(run.statusOrEmpty(), now,
                    BuildRunConditions.BUILD_NOT_FOUND, "build.shipwright.io \"" + run.spec().build().name()
                            + "\" not found", null)), BuildRun::status);
            return Result.done();
        }
        Optional<BuildStrategy> strategy = strategies.find(spec.get().strategy().name());
        if (strategy.isEmpty()) {
            runs.updateStatusIfChanged(run, run.withStatus(BuildRunConditions.markFailed(run.statusOrEmpty(), now,
                    BuildStatus.STRATEGY_NOT_FOUND, "clusterBuildStrategy " + spec.get().strategy().name()
                            + " does not exist; Kumo's strategies are " + String.join(", ", strategies.names()),
                    null)), BuildRun::status);
            return Result.done();
        }
        BuildSpec resolved = spec.get();
        Path workspace = workspace(key);
        // what a run stopped by a crash or a deletion left there would make git clone refuse the directory
        cleanWorkspace(workspace);
        BuildRequest request = request(run, resolved, workspace);
        Instant deadline = now.plus(timeout(run, resolved));
        jobs.start(key, output -> switch (SourceCheckout.checkout(resolved.source(), workspace, output)) {
            case SourceCheckout.Result.Failed failed -> failed.failure();
            case SourceCheckout.Result.Checkedout checkedout -> CacheLocks.holding(request.cacheDir(), output,
                    () -> strategy.get().build(new BuildRequest(checkedout.dir(), request.image(),
                            request.params(), request.cacheDir()), output));
        }, deadline);
        runs.updateStatusIfChanged(run, run.withStatus(withSpec(BuildRunConditions.markPending(
                run.statusOrEmpty(), now), resolved)), BuildRun::status);
        return Result.requeueAfter(Duration.between(now, deadline));
    }

    private static BuildRunStatus withSpec(BuildRunStatus status, BuildSpec spec) {
        return new BuildRunStatus(status.conditions(), status.output(), status.startTime(), status.completionTime(),
                spec, status.failureDetails());
    }

    /** The run's embedded spec, or its Build's; the run's output and parameters win over the Build's. */
    private Optional<BuildSpec> buildSpec(BuildRun run) {
        Optional<BuildSpec> base = run.spec().build().spec() != null ? Optional.of(run.spec().build().spec())
                : builds.get(run.metadata().namespace(), run.spec().build().name()).map(Build::spec);
        return base.map(spec -> {
            Map<String, BuildSpec.ParamValue> params = new LinkedHashMap<>();
            Stream.concat(spec.paramValues().stream(), run.spec().paramValues().stream())
                    .forEach(p -> params.put(p.name(), p));
            return new BuildSpec(spec.source(), spec.strategy(), List.copyOf(params.values()),
                    run.spec().output() != null ? run.spec().output() : spec.output(),
                    run.spec().timeout() != null ? run.spec().timeout() : spec.timeout(), spec.retention());
        });
    }

    private BuildRequest request(BuildRun run, BuildSpec spec, Path workspace) {
        Map<String, String> params = new LinkedHashMap<>();
        spec.paramValues().forEach(p -> params.put(p.name(), p.value() == null ? "" : p.value()));
        String namespace = run.metadata().namespace();
        Path cache = run.spec().build().name() != null ? caches.ofBuild(namespace, run.spec().build().name())
                : caches.ofRun(namespace, run.metadata().name());
        try {
            PrivateDirectories.create(cache);
            PrivateDirectories.create(workspace);
        } catch (IOException e) {
            throw new UncheckedIOException("making the build directories " + cache + ", " + workspace, e);
        }
        return new BuildRequest(workspace, spec.output().image(), params, cache);
    }

    private Path workspace(NamespacedName key) {
        return dataDir.resolve("workspaces").resolve(key.namespace()).resolve(key.name());
    }

    private static void cleanWorkspace(Path workspace) {
        if (!Files.exists(workspace)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(workspace)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting the build workspace " + workspace, e);
        }
    }

    private static Duration timeout(BuildRun run, BuildSpec spec) {
        String text = run.spec().timeout() != null ? run.spec().timeout() : spec == null ? null : spec.timeout();
        return text == null ? DEFAULT_TIMEOUT : GoDuration.parse(text).orElse(DEFAULT_TIMEOUT);
    }

    /** The failed step and the log tail, as Shipwright's message names the failing container. */
    private static String failureMessage(BuildOutcome.Failed failed) {
        return "step " + failed.step() + " failed:\n" + String.join("\n", failed.logTail());
    }

    /** Deletes the runs of {@code run}'s Build beyond its {@code retention}, with their logs. */
    private void applyRetention(BuildRun run) {
        String build = run.spec().build().name();
        if (build == null) {
            return;
        }
        String namespace = run.metadata().namespace();
        Optional<BuildSpec.BuildRetention> retention = builds.get(namespace, build).map(Build::spec)
                .map(BuildSpec::retention);
        if (retention.isEmpty()) {
            return;
        }
        List<BuildRun> ofBuild = runs.list(namespace, "").stream()
                .filter(r -> build.equals(r.spec().build().name())).toList();
        for (BuildRun expired : Retention.expired(ofBuild, retention.get())) {
            ObjectMeta meta = expired.metadata();
            runs.delete(meta.namespace(), meta.name());
            logs.delete(new NamespacedName(meta.namespace(), meta.name()));
        }
    }
}
