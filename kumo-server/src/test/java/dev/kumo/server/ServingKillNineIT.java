package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a server that runs a workload: the workload outlives it as an orphan; a server restarted on the same
 * data directory reaps that orphan and serves the Service again from a fresh instance.
 */
class ServingKillNineIT {

    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final Duration SETTLE = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    /** Trusts the server's certificate (tls/ca.crt in the data directory) for the API; the router is plain HTTP. */
    private HttpClient http;

    @Test
    void aRestartedServerReapsTheOrphanAndServesTheServiceAgain() throws Exception {
        long orphan = -1;
        try {
            try (ServerProcess first = ServerProcess.start(dataDir)) {
                await().atMost(SETTLE).until(first::ready);
                http = first.access().client();
                HttpResponse<String> created = send(first.access().request(SERVICES)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(service())).build());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                awaitReady(first);
                orphan = Long.parseLong(call(first, "/pid").body());
                assertThat(alive(orphan)).as("workload %d running", orphan).isTrue();

                first.kill();
            }
            assertThat(alive(orphan)).as("workload %d outlives kill -9 of its server", orphan).isTrue();
            assertThat(records()).as("its instance record is left behind").isPositive();

            try (ServerProcess second = ServerProcess.start(dataDir)) {
                await().atMost(SETTLE).until(second::ready);
                long old = orphan;
                await("orphan " + old + " reaped").atMost(SETTLE).until(() -> !alive(old));
                awaitReady(second);
                HttpResponse<String> answer = await("the Service answers again").atMost(SETTLE)
                        .until(() -> call(second, "/"), r -> r.statusCode() == 200);
                assertThat(answer.body()).isEqualTo("Hello again! (survivor-00001)\n");
                long fresh = Long.parseLong(call(second, "/pid").body());
                assertThat(fresh).isNotEqualTo(old);
                assertThat(second.terminate()).isZero();
                await("fresh workload stopped with its server").atMost(SETTLE).until(() -> !alive(fresh));
            }
        } finally {
            if (orphan > 0 && alive(orphan)) {
                ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private void awaitReady(ServerProcess server) {
        await("survivor Ready").atMost(SETTLE).until(() -> {
            HttpResponse<String> response = send(server.access().request(SERVICES + "/survivor").build());
            if (response.statusCode() != 200) {
                return false;
            }
            for (JsonNode condition : Json.parseObject(response.body()).at("/status/conditions")) {
                if (condition.path("type").asText().equals("Ready")) {
                    return condition.path("status").asText().equals("True");
                }
            }
            return false;
        });
    }

    private HttpResponse<String> call(ServerProcess server, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.ingressPort() + path))
                .header("Host", "survivor.default.localhost").timeout(Duration.ofSeconds(30)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Alive and not a zombie: a zombie has exited and only waits for its (new) parent to reap it. */
    private static boolean alive(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    /** The runtime's instance records under the data directory. */
    private long records() throws IOException {
        try (var files = Files.walk(dataDir.resolve("instances"))) {
            return files.filter(f -> f.toString().endsWith(".properties")).count();
        }
    }

    private static String service() throws URISyntaxException {
        Path echo = Path.of(ServingKillNineIT.class.getResource("/workloads/echo.py").toURI());
        return """
                {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"survivor"},
                "spec":{"template":{"spec":{"containers":[{"command":["python3","-u"],"args":["echo.py"],
                "workingDir":"%s","env":[{"name":"TARGET","value":"again"}]}]}}}}""".formatted(echo.getParent());
    }
}
