package dev.kumo.runtime.podman;

import static dev.kumo.runtime.podman.PodRuntimeFixture.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.spi.ContainerHealth;
import dev.kumo.runtime.spi.FileEntry;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.MountSpec;
import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.ProbeSpec;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.SidecarSpec;
import dev.kumo.runtime.spi.Termination;
import dev.kumo.runtime.spi.VolumeSpec;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Knative's multi-container feature through real podman: sidecars in the instance's pod. */
class MultiContainerIT {

    @RegisterExtension
    static final PodRuntimeFixture pods = new PodRuntimeFixture();

    @Test
    void theSidecarRunsInThePodAndAnswersTheServingContainerWhichAloneIsRouted() throws Exception {
        SidecarSpec helper = new SidecarSpec("helper", BusyboxImage.reference(), List.of("sh", "-c",
                SidecarScripts.SIDECAR), List.of(), Map.of(), List.of(), Optional.empty(), Optional.empty());
        String id = pods.runtime().start(PodmanRuntimeIT.busybox("duo-00001")
                .command("sh", "-c", SidecarScripts.PROXY).sidecar(helper).build()).id();

        InstanceAddress address = pods.awaitReady(id);

        // The sidecar starts beside the serving container, not before it (as in Kubernetes): it may listen a moment
        // after the serving container is ready.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(PodmanRuntimeIT.get(address,
                "/cgi-bin/up")).as("the sidecar, through the serving container").isEqualTo("hello from busybox\n"));
        Instance ready = pods.awaitInstance(id, i -> i.containers().stream().allMatch(ContainerHealth::ready));
        assertThat(ready.containers()).extracting(ContainerHealth::name).containsExactly("user-container", "helper");
        assertThat(TestPodman.containers(SidecarSpecs.CONTAINER, "helper")).anyMatch(name -> name.contains(id));
        pods.runtime().stop(id).join();
        assertThat(TestPodman.pods(PodLabels.INSTANCE, id)).as("pod and sidecar removed on stop").isEmpty();
    }

    /**
     * Knative's multi-container volumes: the sidecar copies a ConfigMap file it mounts into an emptyDir it shares
     * with the serving container, which serves that directory; an update of the ConfigMap reaches the sidecar too.
     */
    @Test
    void aSidecarWritesIntoASharedEmptyDirAndReadsAConfigMapWithItsUpdates() throws Exception {
        SidecarSpec copier = new SidecarSpec("copier", BusyboxImage.reference(), List.of("sh", "-c",
                "while true; do cat /etc/greeting/text > /shared/next && mv /shared/next /shared/index.html; "
                        + "sleep 1; done"), List.of(), Map.of(),
                List.of(MountSpec.of("shared", "/shared", false), MountSpec.of("greeting", "/etc/greeting", true)),
                Optional.empty(), Optional.empty());
        RevisionRef revision = RevisionRef.ofService("default", "shared", "shared-00001");
        String id = pods.runtime().start(WorkloadSpec.image(revision, BusyboxImage.reference())
                .command("sh", "-c", "exec httpd -f -p $PORT -h /shared")
                .volume(new VolumeSpec.EmptyDir("shared", false, OptionalLong.empty()))
                .mount(MountSpec.of("shared", "/shared", true)).volume(greeting("hello from a ConfigMap"))
                .sidecar(copier).build()).id();

        InstanceAddress address = pods.awaitReady(id);

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() ->
                assertThat(PodmanRuntimeIT.get(address, "/")).as("written by the sidecar, served by the serving "
                        + "container").isEqualTo("hello from a ConfigMap"));
        pods.runtime().refreshFiles(revision, "greeting", greeting("updated"));
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() ->
                assertThat(PodmanRuntimeIT.get(address, "/")).isEqualTo("updated"));
        pods.runtime().stop(id).join();
    }

    private static VolumeSpec.Files greeting(String text) {
        return new VolumeSpec.Files("greeting", Map.of("text", new FileEntry(text.getBytes(StandardCharsets.UTF_8),
                0644)));
    }

    @Test
    void aCrashingSidecarShowsInContainersWhileTheServingContainerStaysReady() {
        SidecarSpec crashing = new SidecarSpec("flaky", BusyboxImage.reference(), List.of("sh", "-c",
                "echo flaky cannot find its config; exit 3"), List.of(), Map.of(), List.of(), Optional.empty(),
                Optional.empty());
        String id = pods.runtime().start(PodmanRuntimeIT.busybox("flaky-00001").command("sh", "-c", HTTPD)
                .sidecar(crashing).build()).id();

        Instance instance = pods.awaitInstance(id, i -> i.state() instanceof InstanceState.Ready
                && i.containers().size() == 2 && i.containers().get(1).restarts() >= 2);

        ContainerHealth sidecar = instance.containers().get(1);
        assertThat(sidecar.name()).isEqualTo("flaky");
        Termination last = sidecar.lastTermination().orElseThrow();
        assertThat(last.exitCode()).isEqualTo(OptionalInt.of(3));
        assertThat(last.lastLogLines()).contains("flaky cannot find its config");
        assertThat(instance.containers().get(0)).isEqualTo(new ContainerHealth("user-container", true, 0,
                Optional.empty()));
        assertThat(pods.lines(id)).contains("[flaky] flaky cannot find its config");
        pods.runtime().stop(id).join();
    }

    @Test
    void aSidecarsOwnReadinessProbeDecidesOnlyItsOwnReadiness() {
        ProbeSpec never = new ProbeSpec(new Probe.Exec(List.of("cat", "/tmp/never")), Duration.ZERO,
                Duration.ofMillis(200), Duration.ofSeconds(2), 1);
        SidecarSpec unready = new SidecarSpec("unready", BusyboxImage.reference(), List.of("sh", "-c",
                SidecarScripts.SIDECAR), List.of(), Map.of(), List.of(), Optional.of(never), Optional.empty());
        String id = pods.runtime().start(PodmanRuntimeIT.busybox("half-00001").command("sh", "-c", HTTPD)
                .sidecar(unready).build()).id();

        pods.awaitReady(id);
        Instance instance = pods.awaitInstance(id, i -> i.containers().size() == 2);

        assertThat(instance.containers().get(1).ready()).isFalse();
        assertThat(instance.containers().get(1).restarts()).isZero();
        pods.runtime().stop(id).join();
    }

    @Test
    void stopSendsSigtermToEverySidecarWithinTheGrace() {
        SidecarSpec polite = new SidecarSpec("polite", BusyboxImage.reference(), List.of("sh", "-c",
                "trap 'echo sidecar got TERM; exit 0' TERM; echo sidecar up; while true; do sleep 1; done"),
                List.of(), Map.of(), List.of(), Optional.empty(), Optional.empty());
        String id = pods.runtime().start(PodmanRuntimeIT.busybox("pair-00001").command("sh", "-c", HTTPD)
                .terminationGracePeriod(Duration.ofSeconds(20)).sidecar(polite).build()).id();
        pods.awaitReady(id);
        pods.awaitLine(id, "[polite] sidecar up");

        long asked = System.nanoTime();
        pods.runtime().stop(id).join();

        assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("well within the 20 s grace")
                .isLessThan(Duration.ofSeconds(15));
        assertThat(pods.lines(id)).contains("[polite] sidecar got TERM");
    }
}
