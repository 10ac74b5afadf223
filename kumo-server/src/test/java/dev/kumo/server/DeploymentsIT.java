package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apps/v1} Deployments and {@code v1} Services with the real kubectl: a Deployment of host processes rolls
 * out ({@code rollout status}), its Pods are listed by label, its Service's loopback address answers, a template
 * change rolls to new Pods, a Trigger delivers to the Service as a Destination, {@code kubectl scale} scales it and a
 * deleted Pod is replaced.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeploymentsIT {

    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final Path SAMPLE = Path.of("..", "samples", "hello-python").toAbsolutePath().normalize();

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static Kubectl kubectl;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        server = KumoServer.start(TestServers.config(temp.resolve("data")));
        kubectl = new Kubectl(server, temp);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void aDeploymentRollsOutItsPodsAndItsServiceAnswers() {
        assertOk(apply("web", deployment("one") + "---\n" + service()), "deployment.apps/web created");

        assertOk(kubectl.run("rollout", "status", "deployment/web", "--timeout=90s"), "successfully rolled out");
        await("two Pods listed by label").atMost(SETTLE).untilAsserted(() -> assertThat(
                kubectl.run("get", "pods", "-l", "app=web", "-o", "name").out().lines()).hasSize(2));
        Kubectl.Result deployments = kubectl.run("get", "deployments");
        assertThat(deployments.out().lines().findFirst().orElseThrow())
                .containsSubsequence("NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE");
        assertThat(deployments.out()).contains("web").contains("2/2");
        Kubectl.Result pods = kubectl.run("get", "pods", "-l", "app=web", "-o",
                "jsonpath={.items[*].metadata.ownerReferences[0].kind}");
        assertThat(pods.out()).isEqualTo("ReplicaSet ReplicaSet");

        await("the Service answers at its loopback address").atMost(SETTLE)
                .untilAsserted(() -> assertThat(get(address()).body()).startsWith("Hello one!"));
        assertThat(kubectl.run("get", "svc", "web").out()).contains("127.0.0.1:" + address().getPort());
    }

    @Test
    @Order(2)
    void aTemplateChangeRollsToNewPods() {
        List<String> before = podNames();
        assertOk(apply("web-two", deployment("two")), "deployment.apps/web configured");

        assertOk(kubectl.run("rollout", "status", "deployment/web", "--timeout=90s"), "successfully rolled out");

        await("only new Pods left").atMost(SETTLE).untilAsserted(() -> {
            List<String> after = podNames();
            assertThat(after).hasSize(2).doesNotContainAnyElementsOf(before);
        });
        await("the Service answers from a new Pod").atMost(SETTLE)
                .untilAsserted(() -> assertThat(get(address()).body()).startsWith("Hello two!"));
    }

    @Test
    @Order(3)
    void aTriggerDeliversToTheServiceAsItsSubscriber() {
        assertOk(apply("broker", """
                apiVersion: eventing.knative.dev/v1
                kind: Broker
                metadata:
                  name: default
                ---
                apiVersion: eventing.knative.dev/v1
                kind: Trigger
                metadata:
                  name: to-web
                spec:
                  broker: default
                  subscriber:
                    ref:
                      apiVersion: v1
                      kind: Service
                      name: web
                """), "trigger.eventing.knative.dev/to-web created");
        assertOk(kubectl.run("wait", "--for=condition=Ready", "trigger/to-web", "--timeout=60s"), "condition met");
        String broker = kubectl.run("get", "broker", "default", "-o", "jsonpath={.status.address.url}").out();

        await("the event delivered to a Pod of the Service").atMost(SETTLE).untilAsserted(() -> {
            HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(broker))
                    .header("ce-specversion", "1.0").header("ce-id", "d-1").header("ce-source", "/deployments-it")
                    .header("ce-type", "dev.kumo.deployed").header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("to the Service")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(kubectl.run("logs", "-l", "app=web", "--tail=-1").out())
                    .contains("event dev.kumo.deployed from /deployments-it: to the Service");
        });
    }

    @Test
    @Order(4)
    void scaleChangesTheReplicasAndADeletedPodIsReplaced() {
        assertOk(kubectl.run("scale", "deployment/web", "--replicas=3"), "deployment.apps/web scaled");
        assertOk(kubectl.run("rollout", "status", "deployment/web", "--timeout=90s"), "successfully rolled out");
        await("three Pods").atMost(SETTLE).untilAsserted(() -> assertThat(podNames()).hasSize(3));
        assertOk(kubectl.run("get", "deployment", "web", "-o", "jsonpath={.spec.replicas}"), "3");

        String deleted = podNames().getFirst();
        assertOk(kubectl.run("delete", deleted), "deleted");

        await("the deleted Pod replaced").atMost(SETTLE).untilAsserted(() ->
                assertThat(podNames()).hasSize(3).doesNotContain(deleted));
        assertOk(kubectl.run("rollout", "status", "deployment/web", "--timeout=90s"), "successfully rolled out");
    }

    @Test
    @Order(5)
    void aSinkBindingGivesADeploymentsPodsKSinkAndTheirEventsReachTheBroker() throws IOException {
        // The bookstore sample's shape: a Deployment that posts to $K_SINK, bound to the Broker by a SinkBinding.
        Files.writeString(temp.resolve("heartbeats.py"), """
                import http.server, os, threading, time, urllib.request

                def beat():
                    n = 0
                    while True:
                        sink = os.environ.get("K_SINK")
                        if sink:
                            n += 1
                            request = urllib.request.Request(sink, data=b"beat", method="POST", headers={
                                "ce-specversion": "1.0", "ce-id": "hb-%d" % n, "ce-source": "/heartbeats",
                                "ce-type": "dev.kumo.heartbeat", "Content-Type": "text/plain"})
                            try:
                                urllib.request.urlopen(request, timeout=5).read()
                            except Exception as e:
                                print("post failed:", e, flush=True)
                        time.sleep(0.5)

                threading.Thread(target=beat, daemon=True).start()
                port = int(os.environ.get("PORT", "8080"))
                http.server.HTTPServer(("127.0.0.1", port), http.server.SimpleHTTPRequestHandler).serve_forever()
                """);
        assertOk(apply("heartbeats", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: heartbeats
                  labels:
                    app: heartbeats
                spec:
                  replicas: 1
                  selector:
                    matchLabels:
                      app: heartbeats
                  template:
                    metadata:
                      labels:
                        app: heartbeats
                    spec:
                      containers:
                      - name: heartbeats
                        command: ["python3"]
                        args: ["heartbeats.py"]
                        workingDir: %s
                ---
                apiVersion: sources.knative.dev/v1
                kind: SinkBinding
                metadata:
                  name: bind-heartbeats
                spec:
                  subject:
                    apiVersion: apps/v1
                    kind: Deployment
                    selector:
                      matchLabels:
                        app: heartbeats
                  sink:
                    ref:
                      apiVersion: eventing.knative.dev/v1
                      kind: Broker
                      name: default
                """.formatted(temp)), "sinkbinding.sources.knative.dev/bind-heartbeats created");

        assertOk(kubectl.run("wait", "--for=condition=Ready", "sinkbinding/bind-heartbeats", "--timeout=60s"),
                "condition met");
        assertOk(kubectl.run("get", "deployment", "heartbeats", "-o",
                "jsonpath={.spec.template.spec.containers[0].env[?(@.name==\"K_SINK\")].value}"), "http://");
        assertOk(kubectl.run("rollout", "status", "deployment/heartbeats", "--timeout=90s"), "successfully rolled out");
        await("a heartbeat through the Broker and the Trigger to web").atMost(SETTLE).untilAsserted(() ->
                assertThat(kubectl.run("logs", "-l", "app=web", "--tail=-1").out())
                        .contains("event dev.kumo.heartbeat from /heartbeats: beat"));
    }

    private static List<String> podNames() {
        return kubectl.run("get", "pods", "-l", "app=web", "-o", "name").out().lines().toList();
    }

    private static URI address() {
        String port = kubectl.run("get", "svc", "web", "-o",
                "jsonpath={.status.loadBalancer.ingress[0].ports[0].port}").out();
        assertThat(port).as("the Service's loopback port").isNotBlank();
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String deployment(String target) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: web
                  strategy:
                    rollingUpdate:
                      maxSurge: 1
                      maxUnavailable: 0
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      containers:
                      - name: web
                        command: ["python3"]
                        args: ["app.py"]
                        workingDir: %s
                        env:
                        - name: TARGET
                          value: %s
                """.formatted(SAMPLE, target);
    }

    private static String service() {
        return """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector:
                    app: web
                  ports:
                  - port: 80
                    targetPort: 8080
                """;
    }

    private static Kubectl.Result apply(String name, String manifest) {
        try {
            return kubectl.run("apply", "-f", Files.writeString(temp.resolve(name + ".yaml"), manifest).toString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertOk(Kubectl.Result result, String expected) {
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).as(result.err()).contains(expected);
    }
}
