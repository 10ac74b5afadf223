package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * Workload logs through the real kubectl and the kumo CLI against a server running real processes: a crashed run
 * as {@code --previous}, {@code --since}/{@code --since-time}/{@code --timestamps}/{@code -c}, a bad {@code --since}
 * named, the instances that stopped (scale to zero) read with {@code --previous} (also after a restart of the server),
 * and a Revision follow that ends when the Revision is deleted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkloadLogsIT {

    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final Path SAMPLE = Path.of("..", "samples", "hello-python").toAbsolutePath().normalize();
    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z";
    /** Each run prints its own pid, then crashes. */
    private static final String CRASHING = "command: [\"python3\", \"-c\", \"import os; print('run', os.getpid(), "
            + "flush=True); raise SystemExit(3)\"]";

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static Kubectl kubectl;
    private static Ingress ingress;
    private static InProcessCli cli;

    @BeforeAll
    static void start() {
        server = KumoServer.start(config());
        kubectl = new Kubectl(server, temp);
        ingress = new Ingress(server);
        cli = new InProcessCli(temp.resolve("home"), temp.resolve("data"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void kubectlLogsPreviousSinceTimestampsAndContainerOfACrashingPod() {
        apply("crash", service("crash", Map.of("autoscaling.knative.dev/min-scale", "1"), CRASHING));
        String pod = awaitOnePod("crash");
        await("restarted after a crash").atMost(SETTLE).until(() -> !kubectl.run("get", "pod", pod, "-o",
                "jsonpath={.status.containerStatuses[0].restartCount}").out().matches("0?"));

        Kubectl.Result previous = kubectl.run("logs", pod, "--previous");
        assertThat(previous.exitCode()).as(previous.err()).isZero();
        assertThat(previous.out().lines().filter(line -> line.startsWith("run "))).as("one run: the crashed one")
                .hasSize(1);

        Kubectl.Result stamped = kubectl.run("logs", pod, "--since=1m", "--timestamps", "-c", "user-container");
        assertThat(stamped.exitCode()).as(stamped.err()).isZero();
        assertThat(stamped.out().lines().toList()).isNotEmpty()
                .allMatch(line -> line.matches(TIMESTAMP + " (run \\d+|\\[kumo\\] .*)"), "stamped");
        String future = Instant.now().plus(Duration.ofHours(1)).toString();
        assertThat(kubectl.run("logs", pod, "--since-time=" + future).out()).isEmpty();
        assertThat(kubectl.run("logs", pod, "--previous", "--since-time=" + future).out()).isEmpty();
    }

    @Test
    @Order(2)
    void kumoServiceLogsTakesKubectlsFlagsAndNamesABadSince() {
        InProcessCli.Result stamped = kumo("service", "logs", "crash", "--since", "10m", "--timestamps", "-c",
                "user-container");
        assertThat(stamped.exitCode()).as(stamped.err()).isZero();
        assertThat(stamped.out().lines().toList()).isNotEmpty()
                .anyMatch(line -> line.matches(TIMESTAMP + " crash-00001 > crash-00001-\\S+ \\| run \\d+"));
        InProcessCli.Result onlyRevision = kumo("service", "logs", "crash", "--revision", "crash-00001", "--tail",
                "1");
        assertThat(onlyRevision.out().lines().toList()).hasSize(1);

        InProcessCli.Result bad = kumo("service", "logs", "crash", "--since", "abc");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("invalid --since 'abc': want a positive duration such as 30s, 10m or 2h");
        assertThat(kumo("service", "logs", "crash", "-c", "nope").err())
                .contains("container: Invalid value: \"nope\"");
        assertThat(kumo("service", "logs", "crash", "--revision", "other-00001").exitCode()).isNotZero();
    }

    @Test
    @Order(3)
    void theInstancesThatStoppedAreReadWithPrevious() {
        apply("hello", service("hello", Map.of("autoscaling.knative.dev/window", "6s"),
                "command: [\"python3\"]", "args: [\"app.py\"]", "workingDir: " + SAMPLE));
        await("served").atMost(SETTLE).until(() -> ingress.get("hello.default.localhost", "/stopped-soon")
                .statusCode() == 200);
        await("scaled to zero").atMost(SETTLE).until(() -> podsOf("hello").isEmpty());
        await("the stop recorded").atMost(SETTLE).until(() -> kumo("service", "logs", "hello").out().isEmpty());

        InProcessCli.Result previous = kumo("service", "logs", "hello", "--previous");

        assertThat(previous.exitCode()).as(previous.err()).isZero();
        assertThat(previous.out()).contains("hello-00001 > hello-00001-", "hello-python listening on",
                "/stopped-soon");
    }

    @Test
    @Order(4)
    void aRevisionFollowEndsWhenTheRevisionIsDeleted() {
        InProcessCli.Running follow = cli.start("service", "logs", "crash", "--revision", "crash-00001", "-f");
        await("the follow started").atMost(SETTLE).until(() -> follow.out().contains("| run "));

        assertOk(kubectl.run("delete", "ksvc", "crash"), "deleted");

        await("the follow ended").atMost(SETTLE).until(() -> !follow.running());
    }

    @Test
    @Order(5)
    void aRestartedServerStillServesTheLogsOfTheInstancesThatStoppedBeforeIt() {
        server.close();
        server = KumoServer.start(config());

        InProcessCli.Result previous = await("the restarted server answers").atMost(SETTLE)
                .until(() -> kumo("service", "logs", "hello", "--previous"), result -> result.exitCode() == 0);

        assertThat(previous.out()).contains("hello-00001 > hello-00001-", "hello-python listening on",
                "/stopped-soon");
    }

    private static ServerConfig config() {
        // Scales to zero within seconds: a 6 s stable window and a 1 s grace period.
        return TestServers.config(temp.resolve("data")).withAutoscaler(AutoscalerConfig.parse(
                Map.of("stable-window", "6s", "scale-to-zero-grace-period", "1s")));
    }

    private static InProcessCli.Result kumo(String... args) {
        return cli.run(args);
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
