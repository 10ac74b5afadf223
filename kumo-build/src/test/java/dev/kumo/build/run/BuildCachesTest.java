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
import dev.kumo.controller.client.TypedStore;
import dev.kumo.store.AdmittingStore;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import dev.kumo.store.StoreOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Build caches go with their owners: a deleted Build, a run of its own once ended, and, at start, owners long gone. */
class BuildCachesTest {

    @TempDir
    Path dir;
    private ResourceStore store;
    private TypedStore<Build> builds;
    private TypedStore<BuildRun> runs;
    private BuildControllers controllers;

    @BeforeEach
    void store() {
        store = new AdmittingStore(InMemoryStore.create(StoreOptions.DEFAULTS), BuiltInKinds.all());
        builds = new TypedStore<>(store, ShipwrightTypes.BUILD, Build.class);
        runs = new TypedStore<>(store, ShipwrightTypes.BUILD_RUN, BuildRun.class);
    }

    @AfterEach
    void stop() {
        if (controllers != null) {
            controllers.close();
        }
    }

    private void start() {
        controllers = BuildControllers.start(store, InstantSource.system(), Strategies.of(
                new BuildRunReconcilerTest.FakeStrategy(new BuildOutcome.Built("dev.local/app:latest", "sha256:a"))),
                dir, 1);
    }

    private BuildSpec spec() {
        return new BuildSpec(BuildSource.directory(dir), BuildSpec.Strategy.named("fake"), java.util.List.of(),
                BuildSpec.Image.of("dev.local/app:latest"), null, null);
    }

    private BuildRun awaitDone(String name) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> runs.get("default", name).orElseThrow(),
                BuildRun::done);
    }

    @Test
    void aDeletedBuildsCacheGoesWithIt() {
        start();
        builds.create(Build.of(ObjectMeta.of("default", "app"), spec()));
        runs.create(BuildRun.of(ObjectMeta.of("default", "run-1"), BuildRunSpec.ofBuild("app")));
        awaitDone("run-1");
        Path cache = dir.resolve("cache/default/app");
        assertThat(cache).isDirectory();

        builds.delete("default", "app");

        await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(cache));
    }

    @Test
    void aRunWithItsOwnSpecLeavesNoCacheOnceEnded() {
        start();
        runs.create(BuildRun.of(ObjectMeta.of("default", "own"), new BuildRunSpec(
                new BuildRunSpec.ReferencedBuild(null, spec()), java.util.List.of(), null, null, null)));

        assertThat(awaitDone("own").status().output().digest()).isEqualTo("sha256:a");
        await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(dir.resolve("cache/default/_run-own")));
    }

    @Test
    void atStartTheCachesOfOwnersGoneMeanwhileAreCollectedAndTheOthersKept() throws IOException {
        builds.create(Build.of(ObjectMeta.of("default", "kept"), spec()));
        Path kept = Files.createDirectories(dir.resolve("cache/default/kept"));
        Path gone = Files.createDirectories(dir.resolve("cache/default/gone"));
        Files.writeString(gone.resolve("layer.tar"), "x");
        Path goneRun = Files.createDirectories(dir.resolve("cache/other/_run-old"));

        start();

        assertThat(kept).isDirectory();
        assertThat(gone).doesNotExist();
        assertThat(goneRun).doesNotExist();
    }
}
