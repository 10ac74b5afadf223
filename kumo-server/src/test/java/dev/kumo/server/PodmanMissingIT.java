package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server whose PATH has no podman: an image Revision is Ready=False saying what to install, while a process
 * Revision of the same server runs.
 */
class PodmanMissingIT {

    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final Duration SETTLE = Duration.ofSeconds(60);
    /** The host tools the process runtime and the workload use, and not podman. */
    private static final List<String> TOOLS = List.of("python3", "sh", "setsid", "setpriv", "prlimit");

    @TempDir
    Path temp;
    private HttpClient http;

    @Test
    void imageRevisionsNameTheInstallAndProcessRevisionsStillRun() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        for (String tool : TOOLS) {
            for (String dir : List.of("/usr/bin", "/usr/sbin", "/bin", "/sbin")) {
                Path program = Path.of(dir, tool);
                if (Files.isExecutable(program) && !Files.exists(bin.resolve(tool))) {
                    Files.createSymbolicLink(bin.resolve(tool), program);
                }
            }
        }
        try (ServerProcess server = ServerProcess.withContainers(temp.resolve("data"), Map.of("PATH",
                bin.toString()))) {
            await().atMost(SETTLE).until(server::ready);
            http = server.access().client();
            create(server, """
                    {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"boxed"},
                     "spec":{"template":{"spec":{"containers":[{"image":"dev.local/anything:1"}]}}}}""");
            create(server, """
                    {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"plain"},
                     "spec":{"template":{"spec":{"containers":[{"command":["python3","-c",
                     "import os,http.server as h; h.HTTPServer(('127.0.0.1',int(os.environ['PORT'])),h.BaseHTTPRequestHandler).serve_forever()"]}]}}}}""");

            JsonNode boxed = await("boxed not Ready").atMost(SETTLE).until(() -> get(server, "boxed"),
                    s -> "False".equals(condition(s, "Ready").path("status").asText()));
            assertThat(condition(boxed, "Ready").path("message").asText())
                    .contains("podman is not installed", "apt-get install podman runc catatonit", "kumo doctor");
            await("plain Ready").atMost(SETTLE).until(() -> get(server, "plain"),
                    s -> "True".equals(condition(s, "Ready").path("status").asText()));
            assertThat(server.terminate()).isZero();
        }
    }

    private void create(ServerProcess server, String body) {
        HttpResponse<String> created = send(server.access().request(SERVICES).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private JsonNode get(ServerProcess server, String name) {
        return Json.parseObject(send(server.access().request(SERVICES + "/" + name).build()).body());
    }

    private static JsonNode condition(JsonNode object, String type) {
        for (JsonNode condition : object.at("/status/conditions")) {
            if (condition.path("type").asText().equals(type)) {
                return condition;
            }
        }
        return Json.object();
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
}
