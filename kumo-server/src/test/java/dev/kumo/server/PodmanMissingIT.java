package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
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
    /** The host tools the process runtime and the workload use, and not podman. */
    private static final List<String> TOOLS = List.of("python3", "sh", "setsid", "setpriv", "prlimit");

    @TempDir
    Path temp;

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
            await().atMost(Duration.ofSeconds(60)).until(server::ready);
            TestApi api = new TestApi(server.access());
            api.create(SERVICES, """
                    {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"boxed"},
                     "spec":{"template":{"spec":{"containers":[{"image":"dev.local/anything:1"}]}}}}""");
            api.create(SERVICES, """
                    {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"plain"},
                     "spec":{"template":{"spec":{"containers":[{"command":["python3","-c",
                     "import os,http.server as h; h.HTTPServer(('127.0.0.1',int(os.environ['PORT'])),h.BaseHTTPRequestHandler).serve_forever()"]}]}}}}""");

            JsonNode boxed = api.awaitCondition(SERVICES + "/boxed", "Ready", "False");
            assertThat(TestApi.condition(boxed, "Ready").path("message").asText())
                    .contains("podman is not installed", "apt-get install podman runc catatonit", "kumo doctor");
            api.awaitCondition(SERVICES + "/plain", "Ready", "True");
            assertThat(server.terminate()).isZero();
        }
    }
}
