package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.podman.BusyboxImage;
import dev.kumo.runtime.podman.TestPodman;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a server running an image: its podman service dies with it, its pods (the serving one and the warm one
 * for the next replica) are left behind; a server restarted on the same data directory removes them (found by their
 * labels) and serves the Service from a fresh one.
 */
class ContainerKillNineIT {

    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final String NAME = "ctrsurvivor";
    private static final String REVISION = NAME + "-00001";
    private static final Duration SETTLE = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;
    private HttpClient http;

    @AfterEach
    void removeWhatThisTestMade() {
        TestPodman.removeLabelled("dev.kumo/revision", REVISION);
    }

    @Test
    void aRestartedServerRemovesThePodsOfTheKilledOneAndServesAgain() throws Exception {
        TestPodman.assume();
        List<String> orphans;
        try (ServerProcess first = ServerProcess.withContainers(dataDir, Map.of())) {
            await().atMost(SETTLE).until(first::ready);
            http = first.access().client();
            new TestApi(first.access()).create(SERVICES, service());
            await("served").atMost(SETTLE).until(() -> call(first).statusCode() == 200);
            assertThat(TestPodman.running("dev.kumo/revision", REVISION)).hasSize(1);
            // Beside the serving pod the warm pool keeps one for the next replica: kill -9 leaves both behind.
            await("a warm pod for the next replica").atMost(SETTLE).until(() -> TestPodman.warmPods(
                    "dev.kumo/revision", REVISION).size() == 1);
            orphans = TestPodman.pods("dev.kumo/revision", REVISION);
            assertThat(orphans).hasSize(2).containsAll(TestPodman.warmPods("dev.kumo/revision", REVISION));
            assertThat(podmanServices()).as("the server's own podman service runs").isNotEmpty();
            // A Ctrl-C signals the terminal's process group: the service must outlive it to remove the pods.
            assertThat(session(podmanServices().getFirst())).as("the podman service's session")
                    .isNotEqualTo(session(first.process().pid()));

            first.kill();
        }
        await("its podman service died with it").atMost(SETTLE).until(() -> podmanServices().isEmpty());
        assertThat(TestPodman.pods("dev.kumo/revision", REVISION)).as("the pod outlives kill -9").isEqualTo(orphans);

        try (ServerProcess second = ServerProcess.withContainers(dataDir, Map.of())) {
            await().atMost(SETTLE).until(second::ready);
            http = second.access().client();
            try {
                await("the old pod removed").atMost(SETTLE).until(() -> TestPodman.pods("dev.kumo/revision",
                        REVISION).stream().noneMatch(orphans::contains));
            } catch (ConditionTimeoutException e) {
                throw new AssertionError(e.getMessage() + "; the restarted server said:\n"
                        + String.join("\n", second.lines()), e);
            }
            HttpResponse<String> answer = await("the Service answers again").atMost(SETTLE)
                    .until(() -> call(second), r -> r.statusCode() == 200);
            assertThat(answer.body()).isEqualTo("hello from busybox\n");
            assertThat(TestPodman.containers("dev.kumo/instance", instance(orphans.getFirst()))).isEmpty();
            assertThat(second.terminate()).isZero();
        }
        assertThat(TestPodman.pods("dev.kumo/revision", REVISION)).as("no pod after a clean stop").isEmpty();
    }

    /** The session id of a process ({@code /proc/PID/stat}: state, ppid, pgrp, session after the command). */
    private static long session(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3]);
    }

    /** The instance id in a pod name {@code kumo-KEY-INSTANCE}. */
    private static String instance(String pod) {
        return pod.substring(pod.indexOf('-', "kumo-".length()) + 1);
    }

    /** The pids of podman services whose socket is under this test's data directory. */
    private List<Long> podmanServices() throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+")).filter(p -> {
                try {
                    String cmdline = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    return cmdline.contains("system\0service") && cmdline.contains(dataDir.toString());
                } catch (IOException e) {
                    return false; // gone meanwhile
                }
            }).map(p -> Long.parseLong(p.getFileName().toString())).toList();
        }
    }

    private HttpResponse<String> call(ServerProcess server) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.ingressPort() + "/"))
                .header("Host", NAME + ".default.localhost")
                .timeout(Duration.ofSeconds(30)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String service() {
        return """
                {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"%s"},
                 "spec":{"template":{"metadata":{"annotations":{"autoscaling.knative.dev/min-scale":"1"}},
                   "spec":{"containers":[{"image":"%s"}]}}}}""".formatted(NAME, BusyboxImage.reference());
    }
}
