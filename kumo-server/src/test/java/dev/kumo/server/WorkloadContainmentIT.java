package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workload's daemons (setsid and double fork) stop with their Service and do not survive kill -9 of their server:
 * the restarted server reaps them; a Service over its memory limit shows OOMKilled, and the Revision says how its
 * limits are enforced.
 */
class WorkloadContainmentIT {

    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final Duration SETTLE = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;
    /** A sleep duration no other process on the machine uses, by which the daemons are found in /proc. */
    private final String token = "3000." + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    private final List<ProcessHandle> daemons = new ArrayList<>();

    @AfterEach
    void killTheDaemonsThisTestStarted() {
        daemons.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void daemonsSurviveNeitherAKillNineOfTheirServerNorTheirService() throws Exception {
        List<ProcessHandle> leftovers;
        try (ServerProcess first = ServerProcess.start(dataDir)) {
            await().atMost(SETTLE).until(first::ready);
            TestApi api = new TestApi(first.apiUrl());
            api.create(SERVICES, service("daemons", 6, ""));
            api.awaitCondition(SERVICES + "/daemons", "Ready", "True");
            leftovers = await("6 daemons").atMost(SETTLE).until(this::daemons, found -> found.size() == 6);
            daemons.addAll(leftovers);

            first.kill();
        }
        assertThat(leftovers).as("the daemons outlive kill -9 of their server").allMatch(ProcessHandle::isAlive);

        try (ServerProcess second = ServerProcess.start(dataDir)) {
            await().atMost(SETTLE).until(second::ready);
            assertThat(second.lines()).anyMatch(line -> line.contains("process runtime containment: "));
            await("leftover daemons reaped").atMost(SETTLE).until(() -> leftovers.stream()
                    .noneMatch(ProcessHandle::isAlive));

            TestApi api = new TestApi(second.apiUrl());
            api.awaitCondition(SERVICES + "/daemons", "Ready", "True");
            List<ProcessHandle> fresh = await("6 new daemons").atMost(SETTLE).until(this::daemons,
                    found -> found.size() == 6);
            daemons.addAll(fresh);
            assertThat(api.send("DELETE", SERVICES + "/daemons", null, null).statusCode()).isEqualTo(200);

            await("the daemons stop with their Service").atMost(SETTLE).until(() -> fresh.stream()
                    .noneMatch(ProcessHandle::isAlive));
            assertThat(second.terminate()).isZero();
        }
    }

    @Test
    void aServiceOverItsMemoryLimitIsOomKilledAndTheRevisionSaysHowLimitsAreEnforced() throws Exception {
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            await().atMost(SETTLE).until(server::ready);
            TestApi api = new TestApi(server.apiUrl());
            api.create(SERVICES, """
                    {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"hungry"},
                    "spec":{"template":{"spec":{"containers":[{"command":["python3","-c",
                    "held = []\\nwhile True:\\n    held.append(bytearray(8 << 20))\\n"],
                    "resources":{"limits":{"memory":"64Mi","cpu":"500m"}}}]}}}}""");

            // the Revision may not exist yet at the first look: TestApi.get asserts 200
            JsonNode revision = await("OOMKilled shown").atMost(SETTLE)
                    .ignoreExceptionsInstanceOf(AssertionError.class).until(
                    () -> api.get("/apis/serving.knative.dev/v1/namespaces/default/revisions/hungry-00001"),
                    r -> TestApi.condition(r, "ContainerHealthy").path("message").asText().contains("OOM"));

            JsonNode healthy = TestApi.condition(revision, "ContainerHealthy");
            assertThat(healthy.path("status").asText()).isEqualTo("False");
            assertThat(healthy.path("reason").asText()).isIn("OOMKilled", "CrashLoopBackOff");
            assertThat(healthy.path("message").asText()).contains("137");
            assertThat(revision.at("/status/annotations/kumo.dev~1limits-in-force").asText())
                    .contains("memory 67108864 bytes: cgroup").contains("cpu 500m: cgroup");
            assertThat(server.terminate()).isZero();
        }
    }

    /**
     * A serving instance OOM-killed by one request is restarted at once, before a reconcile could see it exit: the
     * kill shows in its log, once in the server's, and in the Revision's restarts and last termination, as a pod's
     * restartCount and lastState.terminated (it showed only in the limits-in-force annotation).
     */
    @Test
    void anInstanceOomKilledByARequestShowsItInItsRevisionAndItsLog() throws Exception {
        boolean root = Files.readString(Path.of("/proc/self/status")).lines()
                .anyMatch(line -> line.matches("Uid:\\s+0\\s.*"));
        if (!root && !"true".equals(System.getenv("CI"))) {
            System.out.println("skipped: only a server running as root has a cgroup to OOM-kill in");
            Assumptions.abort("only a server running as root has a cgroup to OOM-kill in");
        }
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            await().atMost(SETTLE).until(server::ready);
            TestApi api = new TestApi(server.apiUrl());
            api.create(SERVICES, """
                    {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"greedy"},
                    "spec":{"template":{"metadata":{"annotations":{"autoscaling.knative.dev/min-scale":"1"}},
                    "spec":{"containers":[{"command":["/usr/bin/python3","-c",
                    "import http.server, os\\nclass H(http.server.BaseHTTPRequestHandler):\\n    def do_GET(self):\\n\
                            if self.path == '/alloc':\\n            held = b'x' * (500 << 20)\\n\
                            self.send_response(200)\\n        self.end_headers()\\n\
                    http.server.HTTPServer(('127.0.0.1', int(os.environ['PORT'])), H).serve_forever()\\n"],
                    "resources":{"limits":{"memory":"64Mi"}}}]}}}}""");
            api.awaitCondition(SERVICES + "/greedy", "Ready", "True");
            String revisionPath = "/apis/serving.knative.dev/v1/namespaces/default/revisions/greedy-00001";

            String ingress = server.lines().stream().filter(l -> l.startsWith("kumo: ingress listening on "))
                    .findFirst().orElseThrow().substring("kumo: ingress listening on ".length()).split(" ")[0];
            try {
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                        .send(HttpRequest.newBuilder(URI.create(ingress + "/alloc"))
                        .header("Host", "greedy.default.localhost").timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // The instance died under the request; what is looked at is what Kumo says of it.
            }

            JsonNode revision = await("the OOM kill recorded").atMost(SETTLE)
                    .ignoreExceptionsInstanceOf(AssertionError.class).until(() -> api.get(revisionPath),
                    r -> r.at("/status/annotations/kumo.dev~1last-termination").asText().startsWith("OOMKilled"));
            assertThat(revision.at("/status/annotations/kumo.dev~1last-termination").asText())
                    .startsWith("OOMKilled, exit code 137, at ");
            assertThat(revision.at("/status/annotations/kumo.dev~1restarts").asText()).isEqualTo("1");
            JsonNode served = api.awaitCondition(revisionPath, "ContainerHealthy", "True");
            assertThat(served.at("/status/annotations/kumo.dev~1last-termination").asText()).startsWith("OOMKilled");

            String line = "[kumo] container was OOMKilled (over resources.limits.memory 64Mi), exit code 137; "
                    + "restarting";
            HttpResponse<String> logs = api.send("GET", revisionPath + "/log?tailLines=100", null, null);
            assertThat(logs.body()).contains(line);
            assertThat(server.lines().stream().filter(l -> l.contains("container was OOMKilled"))).hasSize(1);
            assertThat(server.terminate()).isZero();
        }
    }

    @Test
    void runAsUserIsTheWorkloadsUid() throws Exception {
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            await().atMost(SETTLE).until(server::ready);
            boolean root = Files.readString(Path.of("/proc/self/status")).lines()
                    .anyMatch(line -> line.matches("Uid:\\s+0\\s.*"));
            TestApi api = new TestApi(server.apiUrl());
            api.create(SERVICES, service("nobody", 1, ",\"securityContext\":{\"runAsUser\":65534}"));

            if (root) {
                api.awaitCondition(SERVICES + "/nobody", "Ready", "True");
                List<ProcessHandle> daemon = await().atMost(SETTLE).until(this::daemons, found -> found.size() == 1);
                daemons.addAll(daemon);
                assertThat(Files.readString(Path.of("/proc/" + daemon.getFirst().pid() + "/status")))
                        .containsPattern("(?m)^Uid:\\s+65534\\s+65534\\s+65534\\s+65534$");
            } else {
                JsonNode refused = api.awaitCondition(SERVICES + "/nobody", "Ready", "False");
                assertThat(TestApi.condition(refused, "Ready").path("message").asText())
                        .contains("securityContext.runAsUser is 65534");
            }
            // SIGTERM, so the server stops its instances (a kill -9 would leave them to a next server).
            assertThat(server.terminate()).isZero();
        }
    }

    @Test
    void aContainerSourceRunsAsItsRunAsUser() throws Exception {
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            await().atMost(SETTLE).until(server::ready);
            boolean root = Files.readString(Path.of("/proc/self/status")).lines()
                    .anyMatch(line -> line.matches("Uid:\\s+0\\s.*"));
            TestApi api = new TestApi(server.apiUrl());
            String sources = "/apis/sources.knative.dev/v1/namespaces/default/containersources";
            api.create(sources, """
                    {"apiVersion":"sources.knative.dev/v1","kind":"ContainerSource","metadata":{"name":"nobody"},
                    "spec":{"sink":{"uri":"http://127.0.0.1:9/"},"template":{"spec":{
                    "securityContext":{"runAsUser":65534},
                    "containers":[{"name":"emit","command":["/bin/sh","-c","exec sleep %s"]}]}}}}"""
                    .formatted(token));

            if (root) {
                List<ProcessHandle> source = await().atMost(SETTLE).until(this::daemons, found -> found.size() == 1);
                daemons.addAll(source);
                assertThat(Files.readString(Path.of("/proc/" + source.getFirst().pid() + "/status")))
                        .as("the pod's runAsUser applies to the ContainerSource's container")
                        .containsPattern("(?m)^Uid:\\s+65534\\s+65534\\s+65534\\s+65534$");
            } else {
                JsonNode refused = api.awaitCondition(sources + "/nobody", "Ready", "False");
                assertThat(TestApi.condition(refused, "Ready").path("message").asText()).contains("runAsUser");
            }
            assertThat(server.terminate()).isZero();
        }
    }

    /** A Service whose instances each start a daemon ({@code setsid}, double fork) before they serve. */
    private String service(String name, int minScale, String containerExtra) throws URISyntaxException {
        Path echo = Path.of(WorkloadContainmentIT.class.getResource("/workloads/echo.py").toURI());
        return """
                {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"%s"},
                "spec":{"template":{"metadata":{"annotations":{"autoscaling.knative.dev/min-scale":"%d"}},
                "spec":{"containers":[{"command":["/bin/sh","-c",
                "setsid /bin/sh -c 'sleep %s & exit 0' </dev/null >/dev/null 2>&1; exec /usr/bin/python3 -u echo.py"],
                "workingDir":"%s"%s}]}}}}""".formatted(name, minScale, token, echo.getParent(), containerExtra);
    }

    /** The live daemons of this test, found by their sleep's unique argument. */
    private List<ProcessHandle> daemons() throws IOException {
        List<ProcessHandle> found = new ArrayList<>();
        String cmdline = "sleep\0" + token + "\0";
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try {
                    if (new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                            .equals(cmdline)) {
                        ProcessHandle.of(Long.parseLong(proc.getFileName().toString())).ifPresent(found::add);
                    }
                } catch (IOException e) {
                    // Gone meanwhile.
                }
            }
        }
        return found;
    }
}
