package dev.kumo.build.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.registry.BuiltInKinds;
import dev.kumo.api.shipwright.Build;
import dev.kumo.api.shipwright.BuildRun;
import dev.kumo.api.shipwright.BuildRunSpec;
import dev.kumo.api.shipwright.BuildSource;
import dev.kumo.api.shipwright.BuildSpec;
import dev.kumo.api.shipwright.ShipwrightTypes;
import dev.kumo.build.spi.BuildOutcome;
import dev.kumo.build.spi.BuildOutput;
import dev.kumo.build.spi.BuildRequest;
import dev.kumo.build.spi.BuildStrategy;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.store.AdmittingStore;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import dev.kumo.store.StoreOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What runs leave on disk and share there: a run's workspace is emptied before it starts and when the run is deleted;
 * runs of one Build take turns with its cache; a run with an embedded spec has a cache of its own.
 */
class BuildRunWorkspaceTest {

    /** A strategy that notes what it saw, and holds each build until {@code release} (bounded). */
    static final class RecordingStrategy implements BuildStrategy {

        final List<BuildRequest> requests = new CopyOnWriteArrayList<>();
        final Map<Path, AtomicInteger> building = new ConcurrentHashMap<>();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final CountDownLatch release;
        private final Runnable atStart;

        RecordingStrategy(CountDownLatch release, Runnable atStart) {
            this.release = release;
            this.atStart = atStart;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public boolean detects(Path sourceDir) {
            return true;
        }

        @Override
        public BuildOutcome build(BuildRequest request, BuildOutput output) throws InterruptedException {
            requests.add(request);
            atStart.run();
            AtomicInteger now = building.computeIfAbsent(request.cacheDir(), dir -> new AtomicInteger());
            mostAtOnce.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                release.await(2, TimeUnit.SECONDS);
            } finally {
                now.decrementAndGet();
            }
            return new BuildOutcome.Built(request.image(), "sha256:abc");
        }
    }

    @TempDir
    Path dir;
    private BuildControllers controllers;
    private TypedStore<Build> builds;
    private TypedStore<BuildRun> runs;

    @AfterEach
    void stop() {
        if (controllers != null) {
            controllers.close();
        }
    }

    private void start(BuildStrategy strategy) {
        ResourceStore store = new AdmittingStore(InMemoryStore.create(StoreOptions.DEFAULTS), BuiltInKinds.all());
        controllers = BuildControllers.start(store, InstantSource.system(), Strategies.of(strategy),
                dir.resolve("data"), 2);
        builds = new TypedStore<>(store, ShipwrightTypes.BUILD, Build.class);
        runs = new TypedStore<>(store, ShipwrightTypes.BUILD_RUN, BuildRun.class);
    }

    private BuildSpec spec() throws Exception {
        return BuildSpec.of(BuildSource.directory(Files.createDirectories(dir.resolve("src"))),
                BuildSpec.Strategy.named("fake"), BuildSpec.Image.of("dev.local/app:latest"));
    }

    private BuildRun runOf(String name, String build) {
        return runs.create(BuildRun.of(ObjectMeta.of("default", name), new BuildRunSpec(
                new BuildRunSpec.ReferencedBuild(build, null), List.of(), null, null, null)));
    }

    private BuildRun awaitDone(String name) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> runs.get("default", name).orElseThrow(),
                BuildRun::done);
    }

    private Path workspace(String name) {
        return dir.resolve("data/workspaces/default").resolve(name);
    }

    @Test
    void whatAStoppedRunLeftInItsWorkspaceIsGoneBeforeItRunsAgain() throws Exception {
        // a server stopped mid-clone leaves the clone behind; git clone refuses a destination that exists
        Path leftover = Files.createDirectories(workspace("run-1").resolve("source"));
        Files.writeString(leftover.resolve("half-cloned"), "x");
        List<Boolean> leftoverSeen = new CopyOnWriteArrayList<>();
        start(new RecordingStrategy(new CountDownLatch(0), () -> leftoverSeen.add(Files.exists(leftover))));
        builds.create(Build.of(ObjectMeta.of("default", "app"), spec()));

        runOf("run-1", "app");

        awaitDone("run-1");
        assertThat(leftoverSeen).containsExactly(false);
    }

    @Test
    void aRunDeletedWhileRunningLeavesNoWorkspace() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        start(new RecordingStrategy(release, () -> { }));
        builds.create(Build.of(ObjectMeta.of("default", "app"), spec()));
        runOf("run-1", "app");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.isDirectory(workspace("run-1")));

        runs.delete("default", "run-1");
        release.countDown();

        await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(workspace("run-1")));
    }

    @Test
    void runsOfOneBuildTakeTurnsWithItsCache() throws Exception {
        RecordingStrategy strategy = new RecordingStrategy(new CountDownLatch(2), () -> { });
        start(strategy);
        builds.create(Build.of(ObjectMeta.of("default", "app"), spec()));

        runOf("run-1", "app");
        runOf("run-2", "app");

        awaitDone("run-1");
        awaitDone("run-2");
        assertThat(strategy.requests).hasSize(2);
        assertThat(strategy.requests.get(0).cacheDir()).isEqualTo(strategy.requests.get(1).cacheDir());
        assertThat(strategy.mostAtOnce).as("builds at once in one cache directory").hasValue(1);
    }

    @Test
    void aRunWithItsOwnSpecDoesNotShareTheCacheOfABuildOfItsName() throws Exception {
        RecordingStrategy strategy = new RecordingStrategy(new CountDownLatch(0), () -> { });
        start(strategy);
        builds.create(Build.of(ObjectMeta.of("default", "app"), spec()));
        runOf("run-1", "app");
        awaitDone("run-1");

        runs.create(BuildRun.of(ObjectMeta.of("default", "app"), new BuildRunSpec(
                new BuildRunSpec.ReferencedBuild(null, spec()), List.of(), null, null, null)));
        awaitDone("app");

        assertThat(strategy.requests).hasSize(2);
        assertThat(strategy.requests.get(1).cacheDir()).isNotEqualTo(strategy.requests.get(0).cacheDir());
    }
}
