package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code v1} Pods as the real kubectl sees them: one per running process instance, appearing on scale from zero and
 * going on scale to zero ({@code get -w}), described, logged ({@code -f}, {@code --previous}), deleted and replaced,
 * and refused to clients' writes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PodsIT {

    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final Path SAMPLE = Path.of("..", "samples", "hello-python").toAbsolutePath().normalize();

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static Kubectl kubectl;
    private static Ingress ingress;

    @BeforeAll
    static void start() {
        // Scales to zero within seconds: a 6 s stable window and a 1 s grace period.
        server = KumoServer.start(TestServers.config(temp.resolve("data")).withAutoscaler(AutoscalerConfig.parse(
                Map.of("stable-window", "6s", "scale-to-zero-grace-period", "1s"))));
        kubectl = new Kubectl(server, temp);
        ingress = new Ingress(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void getWatchSeesAPodAppearOnScaleFromZeroAndGoOnScaleToZero() {
        try (Kubectl.Background watch = kubectl.start("watch", "get", "pods", "-w", "--output-watch-events")) {
            apply("hello", service("hello", Map.of("autoscaling.knative.dev/window", "6s"),
                    "command: [\"python3\"]", "args: [\"app.py\"]", "workingDir: " + SAMPLE));
            await("a Pod added").atMost(SETTLE).until(() -> watch.out().contains("ADDED")
                    && watch.out().contains("hello-00001-deployment-"));
            await("the Pod ready").atMost(SETTLE).until(() -> watch.out().contains("1/1"));
            await("scaled to zero: the Pod deleted").atMost(SETTLE).until(() -> watch.out().contains("DELETED"));
            assertThat(kubectl.run("get", "pods", "-l", "serving.knative.dev/service=hello", "-o", "name").out())
                    .isBlank();

            assertThat(ingress.get("hello.default.localhost", "/").statusCode()).isEqualTo(200);
            await("a new Pod on scale from zero").atMost(SETTLE).until(() -> watch.out().lines()
                    .filter(line -> line.startsWith("ADDED")).count() >= 2);
        }
    }

    @Test
    @Order(2)
    void getShowsKubectlsColumnsWideAndSelectors() {
        apply("steady", service("steady", Map.of("autoscaling.knative.dev/min-scale", "1"),
                "command: [\"python3\"]", "args: [\"app.py\"]", "workingDir: " + SAMPLE));
        String pod = awaitOnePod("steady");
        Kubectl.Result wide = kubectl.run("get", "pods", "-o", "wide");
        assertOk(wide, pod);
        assertThat(wide.out().lines().findFirst().orElseThrow())
                .contains("NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE");
        await("ready").atMost(SETTLE).until(() -> kubectl.run("get", "pod", pod).out().contains("1/1"));
        assertThat(kubectl.run("get", "pods", "-o", "wide").out()).contains("Running", "127.0.0.1", "kumo");
        assertOk(kubectl.run("get", "pods", "-l", "app=steady-00001", "-o", "name"), "pod/" + pod);
        assertOk(kubectl.run("get", "pods", "--field-selector", "metadata.name=" + pod, "-o", "name"), "pod/" + pod);
        assertThat(kubectl.run("get", "pods", "-l", "app=other", "-o", "name").out()).isBlank();
    }

    @Test
    @Order(3)
    void describeShowsOwnerStatusContainerAndPort() {
        String pod = awaitOnePod("steady");
        Kubectl.Result described = kubectl.run("describe", "pod", pod);
        assertOk(described, "Controlled By:  Revision/steady-00001");
        assertThat(described.out()).contains("Namespace:", "default", "Node:", "kumo", "Status:", "Running",
                "IP:", "127.0.0.1", "serving.knative.dev/service=steady", "app=steady-00001", "user-container:",
                "Command:", "python3", "Args:", "app.py", "State:          Running", "Ready:          True",
                "Restart Count:  0", "ContainersReady", "/TCP");
        String port = kubectl.run("get", "pod", pod, "-o",
                "jsonpath={.spec.containers[0].ports[0].containerPort}").out();
        assertThat(Integer.parseInt(port)).isPositive();
    }

    @Test
    @Order(4)
    void logsAndLogsFollowReadTheInstancesOutput() {
        String pod = awaitOnePod("steady");
        await("the start logged").atMost(SETTLE).until(() -> kubectl.run("logs", pod).out()
                .contains("hello-python listening on"));
        assertOk(kubectl.run("logs", pod, "-c", "user-container", "--tail", "1"), "listening on");
        assertThat(kubectl.run("logs", pod, "-c", "nope").err()).contains("container nope is not valid");
        try (Kubectl.Background follow = kubectl.start("follow", "logs", "-f", pod)) {
            await("the follow started").atMost(SETTLE).until(() -> follow.out().contains("listening on"));
            assertThat(ingress.get("steady.default.localhost", "/followed").statusCode()).isEqualTo(200);
            await("the request's log line followed").atMost(SETTLE).until(() -> follow.out().contains("/followed"));
        }
    }

    @Test
    @Order(5)
    void aCrashShowsRestartsLastStateAndThePreviousRunsLog() {
        apply("crash", service("crash", Map.of(), "command: [\"python3\", \"-c\", \"print('run ended', flush=True);"
                + " raise SystemExit(3)\"]"));
        String pod = awaitOnePod("crash");
        await("restarted after the crash").atMost(SETTLE).until(() -> !kubectl.run("get", "pod", pod, "-o",
                "jsonpath={.status.containerStatuses[0].restartCount}").out().matches("0?"));
        assertOk(kubectl.run("get", "pod", pod, "-o",
                "jsonpath={.status.containerStatuses[0].lastState.terminated.exitCode}"), "3");
        assertOk(kubectl.run("get", "pod", pod, "-o",
                "jsonpath={.status.containerStatuses[0].lastState.terminated.reason}"), "Error");
        assertOk(kubectl.run("logs", pod, "--previous"), "run ended");
        assertOk(kubectl.run("logs", pod), "run ended");
        assertThat(kubectl.run("describe", "pod", pod).out()).contains("Last State:", "Terminated", "Exit Code:    3");
        assertOk(kubectl.run("delete", "ksvc", "crash"), "deleted");
    }

    @Test
    @Order(6)
    void deletingAPodStopsItsInstanceAndANewPodReplacesIt() {
        String first = awaitOnePod("steady");
        await("ready").atMost(SETTLE).until(() -> kubectl.run("get", "pod", first).out().contains("1/1"));
        try (Kubectl.Background follow = kubectl.start("follow-deleted", "logs", "-f", first)) {
            await("the follow started").atMost(SETTLE).until(() -> follow.out().contains("listening on"));
            assertOk(kubectl.run("delete", "pod", first), "pod \"" + first + "\" deleted");
            await("logs -f exits once the instance stopped").atMost(SETTLE).until(() -> !follow.running());
        }
        String second = await("a new Pod").atMost(SETTLE).until(() -> podsOf("steady"),
                pods -> pods.size() == 1 && !pods.contains(first)).getFirst();
        assertThat(second).startsWith("steady-00001-deployment-");
        await("the new Pod ready").atMost(SETTLE).until(() -> kubectl.run("get", "pod", second).out().contains("1/1"));
        assertThat(ingress.get("steady.default.localhost", "/").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(7)
    void clientsCannotCreateOrChangePods() throws IOException {
        String pod = awaitOnePod("steady");
        Kubectl.Result run = kubectl.run("run", "mine", "--image=busybox");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("pods cannot be created in Kumo", "create a Knative Service");
        Kubectl.Result labelled = kubectl.run("label", "pod", pod, "x=y");
        assertThat(labelled.exitCode()).isNotZero();
        assertThat(labelled.err()).contains("pods cannot be updated in Kumo");
        Path file = Files.writeString(temp.resolve("pod.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: mine
                spec:
                  containers:
                    - name: c
                      image: busybox
                """);
        assertThat(kubectl.run("apply", "-f", file.toString()).err()).contains("pods cannot be created in Kumo");
    }

    @Test
    @Order(8)
    void aContainerSourcesInstanceIsAPodWithKnativesLabelsItsLogAndAReplacementWhenDeleted() throws IOException {
        Path file = Files.writeString(temp.resolve("beats.yaml"), """
                apiVersion: sources.knative.dev/v1
                kind: ContainerSource
                metadata:
                  name: beats
                spec:
                  template:
                    metadata:
                      labels: {app: beats}
                    spec:
                      containers:
                        - name: beat
                          command: ["sh", "-c", "echo beating to $K_SINK; while true; do sleep 1; done"]
                  sink:
                    uri: http://127.0.0.1:1/
                """);
        assertOk(kubectl.run("apply", "-f", file.toString()), "containersource.sources.knative.dev/beats created");
        String selector = "sources.knative.dev/containerSource=beats";
        String first = await("its Pod").atMost(SETTLE).until(() -> kubectl.run("get", "pods", "-l", selector, "-o",
                "jsonpath={.items[*].metadata.name}").out(), name -> !name.isBlank() && !name.contains(" "));
        assertThat(first).startsWith("beats-deployment-");
        assertThat(kubectl.run("get", "pod", first, "-o", "jsonpath={.metadata.ownerReferences[0].kind} "
                + "{.metadata.labels.app} {.spec.containers[0].name}").out()).isEqualTo("ContainerSource beats beat");
        await("its log").atMost(SETTLE).untilAsserted(() -> assertThat(kubectl.run("logs", "-l", selector).out())
                .contains("beating to http://127.0.0.1:1/"));

        assertOk(kubectl.run("delete", "pod", first), "pod \"" + first + "\" deleted");
        await("a new Pod replaces it").atMost(SETTLE).until(() -> kubectl.run("get", "pods", "-l", selector, "-o",
                "jsonpath={.items[*].metadata.name}").out(), name -> !name.isBlank() && !name.contains(first)
                && !name.contains(" "));
        assertOk(kubectl.run("delete", "containersource", "beats"), "deleted");
        await("its Pod gone").atMost(SETTLE).until(() -> kubectl.run("get", "pods", "-l", selector, "-o", "name")
                .out().isBlank());
    }

    private static List<String> podsOf(String service) {
        return kubectl.run("get", "pods", "-l", "serving.knative.dev/service=" + service, "-o",
                "jsonpath={range .items[*]}{.metadata.name}{\"\\n\"}{end}").out().lines()
                .filter(line -> !line.isBlank()).toList();
    }

    private static String awaitOnePod(String service) {
        return await("one Pod of " + service).atMost(SETTLE).until(() -> podsOf(service), pods -> pods.size() == 1)
                .getFirst();
    }

    private static String service(String name, Map<String, String> annotations, String... containerLines) {
        StringBuilder yaml = new StringBuilder("apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: ")
                .append(name).append("\nspec:\n  template:\n");
        if (!annotations.isEmpty()) {
            yaml.append("    metadata:\n      annotations:\n");
            annotations.forEach((key, value) -> yaml.append("        ").append(key).append(": \"").append(value)
                    .append("\"\n"));
        }
        yaml.append("    spec:\n      containers:\n");
        for (int i = 0; i < containerLines.length; i++) {
            yaml.append(i == 0 ? "        - " : "          ").append(containerLines[i]).append('\n');
        }
        return yaml.toString();
    }

    private static void apply(String name, String manifest) {
        try {
            Path file = Files.writeString(temp.resolve(name + ".yaml"), manifest);
            assertOk(kubectl.run("apply", "-f", file.toString()), "created");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertOk(Kubectl.Result result, String expected) {
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).as(result.err()).contains(expected);
    }
}
