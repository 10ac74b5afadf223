package dev.kumo.server.conformance;

import static dev.kumo.server.conformance.Kumo.REVISIONS;
import static dev.kumo.server.conformance.Kumo.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * containerPort is where a container would listen in Knative: every instance of a manifest declaring 8080 gets its
 * own port in PORT, so revisions and replicas of it all serve; one that ignores PORT for a port another process
 * holds fails ContainerHealthy naming the port and its holder (read from Linux's /proc).
 */
@EnabledOnOs(OS.LINUX)
class PortsIT {

    /** Requests sent at most while waiting for every revision or instance to answer. */
    private static final int MAX_CALLS = 200;

    @RegisterExtension
    static final Kumo kumo = Kumo.perClass();

    @Test
    void twoRevisionsOfAManifestDeclaringContainerPort8080BothServeTheirShareOfASplit() {
        kumo.create(SERVICES, containerPort(Workloads.env(Workloads.service("split"), "TARGET", "v1"), 8080));
        kumo.awaitReady("split");

        kumo.mergePatch(SERVICES + "/split", Kumo.object("""
                {"spec":{"template":{"spec":{"containers":[{"command":["python3","-u"],"args":["echo.py"],
                "workingDir":"%s","ports":[{"containerPort":8080}],"env":[{"name":"TARGET","value":"v2"}]}]}},
                "traffic":[{"revisionName":"split-00001","percent":50},{"revisionName":"split-00002","percent":50}]}}
                """.formatted(Workloads.ECHO.getParent())));
        kumo.awaitReady("split");

        Set<String> seen = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < MAX_CALLS && seen.size() < 2; i++) {
            HttpResponse<String> response = kumo.call("split", "/");
            assertThat(response.statusCode()).as("call %d: %s", i, response.body()).isEqualTo(200);
            seen.add(response.body().strip());
        }
        assertThat(seen).containsExactlyInAnyOrder("Hello v1! (split-00001)", "Hello v2! (split-00002)");
    }

    @Test
    void minScale2OfAManifestDeclaringContainerPort8080RunsTwoServingInstances() throws Exception {
        ObjectNode service = containerPort(Workloads.service("pair"), 8080);
        Workloads.template(service).putObject("metadata").putObject("annotations")
                .put("autoscaling.knative.dev/min-scale", "2");
        kumo.create(SERVICES, service);
        kumo.awaitReady("pair");
        await("two instances ready").atMost(Kumo.SETTLE)
                .until(() -> kumo.get(REVISIONS + "/pair-00001").at("/status/actualReplicas").asInt() == 2);

        // Four requests of 300 ms at once are spread over both instances by the router's least-loaded pick.
        Set<String> ports = ConcurrentHashMap.newKeySet();
        try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
            for (int round = 0; round < MAX_CALLS / 4 && ports.size() < 2; round++) {
                List<Future<HttpResponse<String>>> calls = IntStream.range(0, 4)
                        .mapToObj(c -> clients.submit(() -> kumo.call("pair", "/env?sleep=300"))).toList();
                for (Future<HttpResponse<String>> call : calls) {
                    HttpResponse<String> response = call.get();
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    ports.add(Json.parseObject(response.body()).path("PORT").asText());
                }
            }
        }
        assertThat(ports).as("PORT of the instances that answered").hasSize(2).doesNotContain("8080");
    }

    @Test
    void theGettingStartedSampleDeclaringTheRoutersPortServesThroughTheRouter() {
        // The getting-started manifest says containerPort 8080, which is also the router's default port: here the
        // router listens on a free port, and the manifest declares that one.
        Path sample = Path.of("..", "samples", "hello-python").toAbsolutePath().normalize();
        kumo.create(SERVICES, Kumo.object("""
                {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"hello"},
                 "spec":{"template":{"spec":{"containers":[{"command":["python3"],"args":["app.py"],
                 "workingDir":"%s","ports":[{"containerPort":%d}],"env":[{"name":"TARGET","value":"Kumo"}]}]}}}}
                """.formatted(sample, kumo.ingressPort())));
        kumo.awaitReady("hello");

        HttpResponse<String> response = kumo.call("hello", "/");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Hello Kumo! (hello-00001)\n");
    }

    @Test
    void aWorkloadIgnoringPortForAPortAnotherProcessHoldsFailsContainerHealthyNamingPortAndHolder()
            throws IOException {
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int taken = held.getLocalPort();
            kumo.create(SERVICES, containerPort(Workloads.env(Workloads.service("fixed"), "LISTEN_PORT",
                    Integer.toString(taken)), taken));

            await("Revision fixed-00001 created").atMost(Kumo.SETTLE)
                    .until(() -> kumo.api("GET", REVISIONS + "/fixed-00001").statusCode() == 200);
            JsonNode healthy = kumo.awaitCondition(REVISIONS + "/fixed-00001", "ContainerHealthy", "False");

            assertThat(healthy.path("reason").asText()).isEqualTo("PortInUse");
            assertThat(healthy.path("message").asText()).contains("port " + taken + ", its containerPort, is held by pid "
                    + ProcessHandle.current().pid() + " (", "java", "listen on $PORT");
            assertThat(Kumo.condition(kumo.get(SERVICES + "/fixed"), "Ready").path("status").asText())
                    .isNotEqualTo("True");
        }
    }

    private static ObjectNode containerPort(ObjectNode service, int port) {
        Workloads.container(service).putArray("ports").addObject().put("containerPort", port);
        return service;
    }
}
