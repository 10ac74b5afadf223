package dev.kumo.build.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.api.meta.Condition;
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
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How a BuildRun ends, through the controllers over an in-memory store with a strategy that answers what the row
 * says: the Succeeded condition, the digest or the failure details, and the parameters the strategy got.
 */
class BuildRunReconcilerTest {

    /** A strategy named {@code fake} answering {@code outcome}, keeping the request it got. */
    static final class FakeStrategy implements BuildStrategy {

        private final BuildOutcome outcome;
        volatile BuildRequest request;

        FakeStrategy(BuildOutcome outcome) {
            this.outcome = outcome;
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
        public BuildOutcome build(BuildRequest request, BuildOutput output) {
            this.request = request;
            output.step("build");
            output.line("building");
            return outcome;
        }
    }

    record Row(String name, String strategy, String buildName, BuildOutcome outcome, String status, String reason,
            String messagePart) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("built", "fake", "app", new BuildOutcome.Built("dev.local/app:latest", "sha256:abc", 4_096),
                        "True", "Succeeded", "All Steps have completed executing"),
                new Row("a failed step names the step and the tail", "fake", "app",
                        new BuildOutcome.Failed("compile", "CompileFailed", List.of("Main.java:3: error: ';' expected")),
                        "False", "CompileFailed", "step compile failed:\nMain.java:3: error: ';' expected"),
                new Row("a run of a missing Build", "fake", "nope", null, "False", "BuildNotFound",
                        "build.shipwright.io \"nope\" not found"),
                new Row("a strategy Kumo does not have", "kaniko", "app", null, "False",
                        "ClusterBuildStrategyNotFound", "Kumo's strategies are fake"));
    }

    @TempDir
    Path dir;
    private BuildControllers controllers;

    @AfterEach
    void stop() {
        if (controllers != null) {
            controllers.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void aRunEndsAsItsStrategySays(Row row) {
        ResourceStore store = new AdmittingStore(InMemoryStore.create(StoreOptions.DEFAULTS), BuiltInKinds.all());
        FakeStrategy strategy = new FakeStrategy(row.outcome());
        controllers = BuildControllers.start(store, InstantSource.system(), Strategies.of(strategy), dir, 1);
        TypedStore<Build> builds = new TypedStore<>(store, ShipwrightTypes.BUILD, Build.class);
        TypedStore<BuildRun> runs = new TypedStore<>(store, ShipwrightTypes.BUILD_RUN, BuildRun.class);
        builds.create(Build.of(ObjectMeta.of("default", "app"), new BuildSpec(BuildSource.directory(dir),
                BuildSpec.Strategy.named(row.strategy()), List.of(new BuildSpec.ParamValue("level", "build"),
                        new BuildSpec.ParamValue("kept", "yes")), BuildSpec.Image.of("dev.local/app:latest"), null,
                null)));
        runs.create(BuildRun.of(ObjectMeta.of("default", "run-1"), new BuildRunSpec(
                new BuildRunSpec.ReferencedBuild(row.buildName(), null),
                List.of(new BuildSpec.ParamValue("level", "run")), null, null, null)));

        BuildRun run = await().atMost(Duration.ofSeconds(20)).until(
                () -> runs.get("default", "run-1").orElseThrow(), BuildRun::done);

        Condition succeeded = run.status().succeeded().orElseThrow();
        assertThat(succeeded.status()).isEqualTo(row.status());
        assertThat(succeeded.reason()).isEqualTo(row.reason());
        assertThat(succeeded.message()).contains(row.messagePart());
        assertThat(run.status().completionTime()).isNotNull();
        if (row.outcome() instanceof BuildOutcome.Built built) {
            assertThat(run.status().output().digest()).isEqualTo(built.digest());
            assertThat(run.status().output().size()).isEqualTo(built.size());
            assertThat(strategy.request.params()).isEqualTo(Map.of("level", "run", "kept", "yes"));
            assertThat(strategy.request.sourceDir()).isEqualTo(dir.toAbsolutePath().normalize());
        }
        if (row.outcome() instanceof BuildOutcome.Failed failed) {
            assertThat(run.status().failureDetails().location().container()).isEqualTo("step-" + failed.step());
        }
    }
}
