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
 * A Deployment's ReplicaSets with the real kubectl: {@code get rs}, Pods owned by their ReplicaSet, {@code rollout
 * history} listing the revisions, {@code rollout undo} rolling back (its PATCH of the template from the old
 * ReplicaSet), {@code minReadySeconds} honoured by {@code rollout status}, a user's own ReplicaSet refused, and a
 * {@code v1} Service's {@code targetPort} by a container port's name (and one no Pod declares reported as an Event);
 * a deleted ReplicaSet is written again, its Pods replaced.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaSetsIT {

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
    void aDeploymentShowsItsReplicaSetWhichOwnsItsPods() {
        assertOk(apply("web", deployment("one") + "---\n" + service("web", "http1")), "deployment.apps/web created");
        assertOk(kubectl.run("rollout", "status", "deployment/web", "--timeout=90s"), "successfully rolled out");

        Kubectl.Result rs = kubectl.run("get", "rs");
        assertThat(rs.out().lines().findFirst().orElseThrow())
                .containsSubsequence("NAME", "DESIRED", "CURRENT", "READY", "AGE");
        String name = replicaSets().getFirst();
        assertThat(name).matches("replicaset.apps/web-[a-z0-9]{10}");
        await("the ReplicaSet's Pods ready").atMost(SETTLE).untilAsserted(() -> assertThat(
                kubectl.run("get", "rs").out()).containsPattern("web-[a-z0-9]{10}\\s+2\\s+2\\s+2\\s"));
        assertOk(kubectl.run("get", name, "-o", "jsonpath={.metadata.ownerReferences[0].kind}/"
                + "{.metadata.ownerReferences[0].name} {.metadata.annotations.deployment\\.kubernetes\\.io/revision}"),
                "Deployment/web 1");
        await("Pods owned by the ReplicaSet").atMost(SETTLE).untilAsserted(() -> assertThat(kubectl.run("get",
                "pods", "-l", "app=web", "-o", "jsonpath={.items[*].metadata.ownerReferences[0].name}").out())
                .isEqualTo(name.substring("replicaset.apps/".length()) + " "
                        + name.substring("replicaset.apps/".length())));
        assertOk(kubectl.run("get", "deployment", "web", "-o",
                "jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}"), "1");
    }

    @Test
    @Order(2)
    void aServicesNamedTargetPortReachesThePodsAndAnUndeclaredOneIsReported() {
        await("the Service answers through targetPort http1").atMost(SETTLE)
                .untilAsserted(() -> assertThat(get(address("web")).body()).startsWith("Hello one!"));

        assertOk(apply("wrong", service("wrong", "9090")), "service/wrong created");
        await("a Warning names the undeclared targetPort").atMost(SETTLE).untilAsserted(() -> {
            try {
                get(address("wrong"));
            } catch (IOException e) {
                // Expected: no Pod has that port, so the relay closes the connection.
            }
            assertThat(kubectl.run("get", "events", "-o",
                    "jsonpath={range .items[*]}{.reason}: {.message}{\"\\n\"}{end}").out())
                    .contains("TargetPortNotFound: port 80: targetPort 9090 names no port of the ready Pods");
        });
    }

    @Test
    @Order(3)
    void rolloutHistoryListsTheRevisionsAndUndoRollsBack() {
        String first = replicaSets().getFirst();
        assertOk(apply("web-two", deployment("two")), "deployment.apps/web configured");
        assertOk(kubectl.run("rollout", "status", "deployment/web", "--timeout=90s"), "successfully rolled out");
        await("the Service answers from the new Pods").atMost(SETTLE)
                .untilAsserted(() -> assertThat(get(address("web")).body()).startsWith("Hello two!"));
        await("the old ReplicaSet at 0").atMost(SETTLE).untilAsserted(() -> assertThat(kubectl.run("get",
                first, "-o", "jsonpath={.spec.replicas}/{.status.replicas}").out()).isEqualTo("0/0"));
        assertThat(replicaSets()).hasSize(2);
        assertThat(revisions()).containsExactly("1", "2");

        assertOk(kubectl.run("rollout", "undo", "deployment/web"), "deployment.apps/web rolled back");
        assertOk(kubectl.run("rollout", "status", "deployment/web", "--timeout=90s"), "successfully rolled out");

        await("the Service answers from the first template again").atMost(SETTLE)
                .untilAsserted(() -> assertThat(get(address("web")).body()).startsWith("Hello one!"));
        assertThat(revisions()).containsExactly("2", "3");
        assertOk(kubectl.run("get", first, "-o",
                "jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}"), "3");
        assertThat(replicaSets()).hasSize(2);
    }

    @Test
    @Order(4)
    void aReplicaSetOfItsOwnIsRefusedNamingTheDeployment() throws IOException {
        Kubectl.Result refused = kubectl.run("apply", "-f", Files.writeString(temp.resolve("rs.yaml"), """
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata:
                  name: mine
                spec:
                  replicas: 1
                  selector:
                    matchLabels:
                      app: mine
                  template:
                    metadata:
                      labels:
                        app: mine
                    spec:
                      containers:
                      - name: mine
                        image: dev.local/hello:1
                """).toString());

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("a ReplicaSet of its own cannot be created in Kumo")
                .contains("create or edit a Deployment (apps/v1)");
    }

    @Test
    @Order(5)
    void aDeletedReplicaSetIsWrittenAgainAndItsPodsReplaced() {
        String current = kubectl.run("get", "rs", "-l", "app=web", "-o",
                "jsonpath={.items[?(@.spec.replicas==2)].metadata.name}").out();
        String uid = kubectl.run("get", "rs", current, "-o", "jsonpath={.metadata.uid}").out();
        assertOk(kubectl.run("delete", "rs", current), "deleted");

        await("the ReplicaSet written again").atMost(SETTLE).untilAsserted(() -> {
            Kubectl.Result again = kubectl.run("get", "rs", current, "-o", "jsonpath={.metadata.uid}");
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.out()).isNotBlank().isNotEqualTo(uid);
        });
        assertOk(kubectl.run("rollout", "status", "deployment/web", "--timeout=90s"), "successfully rolled out");
        await("its Pods owned by the new one").atMost(SETTLE).untilAsserted(() -> assertThat(kubectl.run("get",
                "pods", "-l", "app=web", "-o", "jsonpath={.items[*].metadata.ownerReferences[0].uid}").out()
                .split(" ")).hasSize(2).doesNotContain(uid));
    }

    private static List<String> replicaSets() {
        return kubectl.run("get", "rs", "-l", "app=web", "-o", "name").out().lines().toList();
    }

    /** The revisions {@code kubectl rollout history} lists, oldest first. */
    private static List<String> revisions() {
        Kubectl.Result history = kubectl.run("rollout", "history", "deployment/web");
        assertThat(history.exitCode()).as(history.err()).isZero();
        assertThat(history.out()).contains("REVISION").contains("CHANGE-CAUSE");
        return history.out().lines().filter(line -> line.matches("\\d+\\s.*")).map(line -> line.split("\\s+")[0])
                .toList();
    }

    private static URI address(String service) {
        String port = kubectl.run("get", "svc", service, "-o",
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
                  minReadySeconds: 1
                  revisionHistoryLimit: 5
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
                        ports:
                        - name: http1
                          containerPort: 8080
                        env:
                        - name: TARGET
                          value: %s
                """.formatted(SAMPLE, target);
    }

    private static String service(String name, String targetPort) {
        return """
                apiVersion: v1
                kind: Service
                metadata:
                  name: %s
                spec:
                  selector:
                    app: web
                  ports:
                  - port: 80
                    targetPort: %s
                """.formatted(name, targetPort);
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
