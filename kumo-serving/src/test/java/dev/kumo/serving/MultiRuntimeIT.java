package dev.kumo.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.registry.BuiltInKinds;
import dev.kumo.api.serving.RuntimeName;
import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import dev.kumo.http.ListenerLimits;
import dev.kumo.runtime.process.ProcessRuntime;
import dev.kumo.runtime.process.ProcessRuntimeConfig;
import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.SidecarSpec;
import dev.kumo.store.AdmittingStore;
import dev.kumo.store.DeleteOptions;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process revision and a container revision of one Service, side by side behind one Route split 50/50: both
 * answer through the router. The process revision is a real Python process; the container runtime is
 * {@link LoopbackContainerRuntime} (real loopback HTTP servers) until podman's runtime is wired in.
 */
class MultiRuntimeIT {

    private static final Path SAMPLE = Path.of("..", "samples", "hello-python").toAbsolutePath().normalize();
    private static final int REQUESTS = 60;

    @TempDir
    Path temp;

    private Vertx vertx;
    private ResourceStore store;
    private ServingPlatform serving;
    private final LoopbackContainerRuntime container = new LoopbackContainerRuntime();

    @BeforeEach
    void start() {
        start((name, stateDir) -> name == RuntimeName.PROCESS
                ? ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir)) : container);
    }

    private void start(RuntimeFactory runtimes) {
        if (serving != null) {
            serving.close();
        }
        vertx = vertx == null ? Vertx.vertx() : vertx;
        store = new AdmittingStore(InMemoryStore.create(), BuiltInKinds.all());
        ObjectNode namespace = Json.object().put("apiVersion", "v1").put("kind", "Namespace");
        namespace.putObject("metadata").put("name", "default");
        store.create(ResourceTypes.NAMESPACE, namespace);
        serving = ServingPlatform.start(vertx, store, InstantSource.system(), new ServingPlatform.Settings(
                temp.resolve("instances"), "127.0.0.1", 0, "localhost", Duration.ofSeconds(60),
                AutoscalerConfig.KNATIVE, ListenerLimits.DEFAULTS, RuntimeSettings.DEFAULTS), new SimpleMeterRegistry(),
                runtimes);
    }

    @AfterEach
    void stop() {
        if (serving != null) {
            serving.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aProcessRevisionAndAContainerRevisionOfOneServiceSplitFiftyFiftyBothAnswer() throws Exception {
        Map<String, Object> process = Map.of("command", List.of("python3", "app.py"), "workingDir",
                SAMPLE.toString(), "env", List.of(Map.of("name", "TARGET", "value", "process")));
        store.create(ResourceTypes.SERVICE, service(process, null));
        awaitReady("mixed-00001");

        ObjectNode changed = service(Map.of("image", "dev.local/hello:1"), List.of(
                Map.of("revisionName", "mixed-00001", "percent", 50),
                Map.of("latestRevision", true, "percent", 50)));
        // As kubectl does: the controllers may write the Service's status between the read and the update (409).
        await().atMost(Duration.ofSeconds(10)).ignoreExceptionsMatching(e -> e instanceof ApiException api
                && api.code() == 409).until(() -> {
                    ObjectNode current = store.get(ResourceTypes.SERVICE, "default", "mixed").orElseThrow();
                    ((ObjectNode) changed.get("metadata")).put("resourceVersion",
                            current.at("/metadata/resourceVersion").asText());
                    store.update(ResourceTypes.SERVICE, changed);
                    return true;
                });
        awaitReady("mixed-00002");

        assertThat(container.started()).singleElement().isInstanceOfSatisfying(ImageWorkload.class, spec -> {
            assertThat(spec.image()).isEqualTo("dev.local/hello:1");
            assertThat(spec.revision().revision()).isEqualTo("mixed-00002");
        });
        Map<String, Integer> answers = await("both revisions routed").atMost(Duration.ofSeconds(30))
                .until(this::answers, counts -> counts.size() == 2);

        assertThat(answers).containsOnlyKeys("Hello process! (mixed-00001)",
                "container dev.local/hello:1 (mixed-00002)");
        // 60 draws at 50%: outside 15..45 has a chance below 1e-4.
        answers.values().forEach(count -> assertThat(count).isBetween(15, 45));

        store.delete(ResourceTypes.SERVICE, "default", "mixed", DeleteOptions.DEFAULT);
        await("the container instance stopped through its own runtime (its id qualified)")
                .atMost(Duration.ofSeconds(30)).until(() -> container.instances().isEmpty());
    }

    @Test
    void aFailingSidecarMakesContainerHealthyFalseNamingIt() {
        store.create(ResourceTypes.SERVICE, service(Map.of("containers", List.of(
                Map.of("name", "app", "image", "dev.local/hello:1", "ports", List.of(Map.of("containerPort", 8080))),
                Map.of("name", "proxy", "image", "dev.local/proxy:1", "command", List.of("false")))), null));

        ObjectNode revision = await("ContainerHealthy False").atMost(Duration.ofSeconds(30)).until(
                () -> store.get(ResourceTypes.REVISION, "default", "mixed-00001"),
                found -> found.isPresent() && condition(found.get(), "ContainerHealthy").path("status").asText()
                        .equals("False")).orElseThrow();

        assertThat(condition(revision, "ContainerHealthy").path("message").asText())
                .startsWith("container proxy: ended after 1 restart: Error (exit code 1)");
        assertThat(condition(revision, "ResourcesAvailable").path("status").asText()).isEqualTo("True");
        assertThat(container.started()).singleElement().isInstanceOfSatisfying(ImageWorkload.class, spec -> {
            assertThat(spec.containerName()).isEqualTo("app");
            assertThat(spec.sidecars()).extracting(SidecarSpec::name).containsExactly("proxy");
        });
    }

    @Test
    void anImageRevisionWhileTheContainerRuntimeCannotStartSaysWhyAndProcessesKeepWorking() throws Exception {
        start((name, stateDir) -> {
            if (name == RuntimeName.CONTAINER) {
                throw new IllegalStateException("podman not found on PATH; install podman");
            }
            return ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir));
        });
        store.create(ResourceTypes.SERVICE, named("image", service(Map.of("image", "dev.local/hello:1"), null)));
        store.create(ResourceTypes.SERVICE, service(Map.of("command", List.of("python3", "app.py"), "workingDir",
                SAMPLE.toString()), null));

        ObjectNode refused = await("image-00001 Ready False").atMost(Duration.ofSeconds(30)).until(
                () -> store.get(ResourceTypes.REVISION, "default", "image-00001"),
                found -> found.isPresent() && condition(found.get(), "Ready").path("status").asText()
                        .equals("False")).orElseThrow();
        awaitReady("mixed-00001");

        assertThat(condition(refused, "Ready").path("reason").asText()).isEqualTo("RuntimeUnsupported");
        assertThat(condition(refused, "Ready").path("message").asText()).isEqualTo("the container runtime is on "
                + "but could not start: podman not found on PATH; install podman");
        // A Ready Revision is not yet a programmed Route: the router may still answer 404 for a moment.
        assertThat(await("mixed routed").atMost(Duration.ofSeconds(30))
                .until(() -> get("mixed.default.localhost"), answer -> !answer.equals("HTTP/1.1 404 Not Found")))
                .isEqualTo("Hello World! (mixed-00001)\n");
    }

    private static com.fasterxml.jackson.databind.JsonNode condition(ObjectNode revision, String type) {
        for (var condition : revision.at("/status/conditions")) {
            if (condition.path("type").asText().equals(type)) {
                return condition;
            }
        }
        return Json.object();
    }

    private static ObjectNode named(String name, ObjectNode service) {
        ((ObjectNode) service.get("metadata")).put("name", name);
        return service;
    }

    private Map<String, Integer> answers() throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            counts.merge(get("mixed.default.localhost").strip(), 1, Integer::sum);
        }
        return counts;
    }

    /** One GET through the router with the Route's host; the body, or the status line if not 200. */
    private String get(String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), serving.ingressPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int body = answer.indexOf("\r\n\r\n");
            return answer.startsWith("HTTP/1.1 200") && body >= 0 ? answer.substring(body + 4)
                    : answer.lines().findFirst().orElse("no answer");
        }
    }

    private void awaitReady(String revision) {
        await(revision + " Ready").atMost(Duration.ofSeconds(60)).until(() -> store.get(ResourceTypes.REVISION,
                "default", revision).map(r -> condition(r, "Ready").path("status").asText().equals("True"))
                .orElse(false));
    }

    /** A Service "mixed" of one container (its fields), or of the {@code containers} given in it. */
    private static ObjectNode service(Map<String, Object> containerFields, List<Map<String, Object>> traffic) {
        Object containers = containerFields.containsKey("containers") ? containerFields.get("containers")
                : List.of(containerFields);
        Map<String, Object> spec = new TreeMap<>(Map.of("template", Map.of(
                "metadata", Map.of("annotations", Map.of("autoscaling.knative.dev/min-scale", "1")),
                "spec", Map.of("containers", containers))));
        if (traffic != null) {
            spec.put("traffic", traffic);
        }
        return Json.mapper().valueToTree(Map.of("apiVersion", "serving.knative.dev/v1", "kind", "Service",
                "metadata", Map.of("name", "mixed", "namespace", "default"), "spec", spec));
    }
}
