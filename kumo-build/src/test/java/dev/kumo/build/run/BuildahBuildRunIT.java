package dev.kumo.build.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.api.meta.Condition;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.shipwright.Build;
import dev.kumo.api.shipwright.BuildRun;
import dev.kumo.api.shipwright.BuildRunSpec;
import dev.kumo.api.shipwright.BuildSource;
import dev.kumo.api.shipwright.BuildSpec;
import dev.kumo.runtime.podman.BusyboxImage;
import dev.kumo.runtime.podman.TestPodman;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** BuildRuns of the buildah strategy against real podman, from a local directory with a Containerfile. */
class BuildahBuildRunIT {

    private static final Duration BUILD_WAIT = Duration.ofSeconds(120);
    private BuildFixture fixture;

    @BeforeEach
    void start() {
        TestPodman.assume();
        fixture = new BuildFixture();
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static String containerfile(String... steps) {
        return "FROM " + BusyboxImage.reference() + "\n" + String.join("\n", steps) + "\n";
    }

    private BuildRun awaitDone(String run) {
        return await().atMost(BUILD_WAIT).until(() -> fixture.get(run).orElseThrow(), BuildRun::done);
    }

    private static Condition succeeded(BuildRun run) {
        return run.statusOrEmpty().succeeded().orElseThrow();
    }

    @Test
    void aContainerfileBuildSucceedsWithItsDigestAndAnUnchangedRebuildGivesTheSameDigest() {
        Path source = fixture.source(Map.of("Containerfile", containerfile("RUN echo built > /www/built.txt",
                "COPY page.html /www/page.html"), "page.html", "from source\n"));
        fixture.build("hello", source, null);
        fixture.run("hello-1", "hello");

        BuildRun first = awaitDone("hello-1");

        assertThat(succeeded(first).status()).isEqualTo("True");
        assertThat(succeeded(first).reason()).isEqualTo("Succeeded");
        assertThat(first.status().output().digest()).startsWith("sha256:");
        assertThat(first.status().output().size()).as("status.output.size: podman's size of the image").isPositive();
        assertThat(first.status().startTime()).isNotNull();
        assertThat(first.status().completionTime()).isNotNull();
        assertThat(first.status().buildSpec().strategy().name()).isEqualTo("buildah");
        assertThat(fixture.log("hello-1")).contains("STEP 2/3: RUN echo built > /www/built.txt");
        String image = fixture.builds.get("default", "hello").orElseThrow().spec().output().image();
        assertThat(TestPodman.run(Optional.empty(), "image", "inspect", "--format", "{{.Digest}}", image).strip())
                .isEqualTo(first.status().output().digest());
        assertThat(fixture.builds.get("default", "hello").orElseThrow().status().registered()).isEqualTo("True");

        fixture.run("hello-2", "hello");
        BuildRun second = awaitDone("hello-2");

        assertThat(succeeded(second).status()).isEqualTo("True");
        assertThat(second.status().output().digest()).isEqualTo(first.status().output().digest());
        assertThat(fixture.log("hello-2")).contains("Using cache");
    }

    @Test
    void aFailingRunStepFailsNamingTheStepWithTheLogTail() {
        Path source = fixture.source(Map.of("Containerfile",
                containerfile("RUN echo 'Main.c:3: error: expected ;' && exit 3")));
        fixture.build("broken", source, null);
        fixture.run("broken-1", "broken");

        BuildRun run = awaitDone("broken-1");

        assertThat(succeeded(run).status()).isEqualTo("False");
        assertThat(succeeded(run).reason()).isEqualTo("Failed");
        assertThat(run.status().failureDetails().location().container()).isEqualTo("step-build-and-push");
        assertThat(run.status().failureDetails().message()).contains("Main.c:3: error: expected ;")
                .contains("building at STEP \"RUN echo");
        assertThat(succeeded(run).message()).contains("Main.c:3: error: expected ;");
        assertThat(run.status().completionTime()).isNotNull();
    }

    @Test
    void aMissingBaseImageFailsWithoutPulling() {
        Path source = fixture.source(Map.of("Dockerfile", "FROM dev.local/kumo-it-no-such-base:none\n"));
        fixture.build("nobase", source, null);
        fixture.run("nobase-1", "nobase");

        BuildRun run = awaitDone("nobase-1");

        assertThat(succeeded(run).status()).isEqualTo("False");
        assertThat(run.status().failureDetails().message()).contains("dev.local/kumo-it-no-such-base:none")
                .contains("image not known");
    }

    @Test
    void cancelingStopsTheBuildAndItsProcessesAndEndsTheFollowedLog() throws Exception {
        Path source = fixture.source(Map.of("Containerfile", containerfile("RUN echo started && sleep 1717")));
        fixture.build("slow", source, null);
        fixture.run("slow-1", "slow");
        await().atMost(BUILD_WAIT).until(() -> fixture.log("slow-1").contains("started"));
        List<String> followed = new ArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        AutoCloseable log = fixture.controllers.log("default", "slow-1", 100, true, line -> {
            synchronized (followed) {
                followed.add(line);
            }
        }, ended::countDown);
        await().atMost(Duration.ofSeconds(30)).until(() -> !sleeping().isEmpty());

        BuildRun running = fixture.get("slow-1").orElseThrow();
        assertThat(succeeded(running).reason()).isEqualTo("Running");
        fixture.runs.update(running.withSpec(running.spec().withState(BuildRunSpec.STATE_CANCELED)));

        BuildRun run = awaitDone("slow-1");
        assertThat(succeeded(run).status()).isEqualTo("False");
        assertThat(succeeded(run).reason()).isEqualTo("BuildRunCanceled");
        assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();
        synchronized (followed) {
            assertThat(followed).contains("started");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> sleeping().isEmpty());
        log.close();
    }

    @Test
    void aRunPastItsTimeoutFailsWithBuildRunTimeout() {
        Path source = fixture.source(Map.of("Containerfile", containerfile("RUN sleep 1718")));
        fixture.build("late", source, null);
        fixture.runs.create(BuildRun.of(ObjectMeta.of("default", "late-1"),
                new BuildRunSpec(new BuildRunSpec.ReferencedBuild("late", null), List.of(), null, "3s", null)));

        BuildRun run = awaitDone("late-1");

        assertThat(succeeded(run).status()).isEqualTo("False");
        assertThat(succeeded(run).reason()).isEqualTo("BuildRunTimeout");
        assertThat(succeeded(run).message()).contains("failed to finish within PT3S");
    }

    @Test
    void aBuildKeepsItsLastRunsAndDeletesOlderOnesWithTheirLogs() {
        Path source = fixture.source(Map.of("Containerfile", containerfile("RUN echo kept")));
        fixture.build("kept", source, new BuildSpec.BuildRetention(1, 1));
        for (String name : List.of("kept-1", "kept-2", "kept-3")) {
            fixture.run(name, "kept");
            awaitDone(name);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.get("kept-1").isEmpty()
                && fixture.get("kept-2").isEmpty());
        assertThat(fixture.get("kept-3")).isPresent();
        assertThat(fixture.log("kept-1")).isEmpty();
        assertThat(fixture.log("kept-3")).contains("kept");
    }

    @Test
    void aBuildNamingAnUnknownStrategyIsNotRegisteredAndItsRunsFail() {
        Path source = fixture.source(Map.of("Containerfile", containerfile()));
        fixture.builds.create(Build.of(ObjectMeta.of("default", "kaniko"), BuildSpec.of(BuildSource.directory(source),
                        BuildSpec.Strategy.named("kaniko"), BuildSpec.Image.of(fixture.image("kaniko")))));
        fixture.run("kaniko-1", "kaniko");

        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.builds.get("default", "kaniko").orElseThrow()
                .status() != null);
        assertThat(fixture.builds.get("default", "kaniko").orElseThrow().status().reason())
                .isEqualTo("ClusterBuildStrategyNotFound");
        BuildRun run = awaitDone("kaniko-1");
        assertThat(succeeded(run).reason()).isEqualTo("ClusterBuildStrategyNotFound");
        assertThat(succeeded(run).message()).contains("buildah");
    }

    /**
     * The processes of the cancel test's RUN step still alive, by {@code /proc/PID/cmdline} (the JDK's
     * {@code ProcessHandle.Info} leaves out processes whose executable lives in another mount namespace).
     */
    private static List<Long> sleeping() {
        return ProcessHandle.allProcesses().map(ProcessHandle::pid).filter(pid -> {
            try {
                return Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ')
                        .contains("sleep 1717");
            } catch (IOException | UncheckedIOException e) {
                return false; // ended meanwhile
            }
        }).toList();
    }
}
