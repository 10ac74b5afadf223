package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Deploy with the CLI": kumo service create/update/invoke (bare, and with path, data and headers)/delete against a
 * real server running real processes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliServingIT {

    private static final Path SAMPLE = Path.of("..", "samples", "hello-python").toAbsolutePath().normalize();

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static InProcessCli cli;

    @BeforeAll
    static void start() {
        server = KumoServer.start(TestServers.config(temp.resolve("data")));
        cli = new InProcessCli(temp.resolve("home"), temp.resolve("data"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void createWaitsWithProgressLinesAndPrintsTheUrl() {
        InProcessCli.Result created = kumo("service", "create", "hello", "--cmd", "python3", "--arg", "app.py",
                "--working-dir", SAMPLE.toString(), "-e", "TARGET=cli", "--wait-timeout", "60");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.err()).startsWith("Creating service 'hello' in namespace 'default':")
                .containsPattern("(?m)^ +\\d+\\.\\d{3}s Ready to serve\\.$");
        assertThat(created.out()).isEqualTo("Service 'hello' created to latest revision 'hello-00001' is available "
                + "at URL:\n" + url("hello") + "\n");
    }

    @Test
    @Order(2)
    void invokeCallsTheServiceThroughTheRouter() {
        InProcessCli.Result invoked = kumo("service", "invoke", "hello");

        assertThat(invoked.exitCode()).as(invoked.err()).isZero();
        assertThat(invoked.err()).startsWith("Sending GET " + url("hello") + "/ (Host: hello.default.localhost:"
                + server.ingressPort());
        assertThat(invoked.out()).isEqualTo("Hello cli! (hello-00001)\n");
    }

    @Test
    @Order(3)
    void logsPrintEachLinePrefixedWithRevisionAndInstance() {
        InProcessCli.Result logs = kumo("service", "logs", "hello");

        assertThat(logs.exitCode()).as(logs.err()).isZero();
        assertThat(logs.out()).containsPattern("(?m)^hello-00001 > hello-00001-\\w+ \\| hello-python listening on \\d+$")
                .contains("\"GET / HTTP/1.1\" 200");
        assertThat(kumo("service", "logs", "nobody").exitCode()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void updateMakesANewRevisionThatServes() {
        InProcessCli.Result updated = kumo("service", "update", "hello", "-e", "TARGET=two", "--wait-timeout", "60");

        assertThat(updated.exitCode()).as(updated.err()).isZero();
        assertThat(updated.out()).startsWith("Service 'hello' updated to latest revision 'hello-00002'");
        assertThat(kumo("service", "invoke", "hello").out()).isEqualTo("Hello two! (hello-00002)\n");
    }

    @Test
    @Order(5)
    void trafficCanBeSplitBetweenRevisions() {
        InProcessCli.Result split = kumo("service", "update", "hello", "--traffic", "hello-00001=50,@latest=50",
                "--tag", "hello-00001=old", "--wait-timeout", "60");

        assertThat(split.exitCode()).as(split.err()).isZero();
        InProcessCli.Result described = kumo("service", "describe", "hello");
        assertThat(described.out()).contains(" 50%  hello-00001 #old").contains(" 50%  @latest (hello-00002)");
    }

    @Test
    @Order(6)
    void pruningDeletesTheRevisionsThatGetNoTraffic() {
        InProcessCli.Result back = kumo("service", "update", "hello", "--untag", "old", "--traffic", "@latest=100",
                "--wait-timeout", "60");
        assertThat(back.exitCode()).as(back.err()).isZero();

        InProcessCli.Result pruned = kumo("revision", "delete", "--prune", "hello");

        assertThat(pruned.exitCode()).as(pruned.err()).isZero();
        assertThat(pruned.out()).isEqualTo("Revision 'hello-00001' deleted in namespace 'default'.\n");
        assertThat(kumo("service", "invoke", "hello").out()).isEqualTo("Hello two! (hello-00002)\n");
    }

    @Test
    @Order(7)
    void aContainerThatExitsFailsTheCreateWithItsExitCode() {
        InProcessCli.Result broken = kumo("service", "create", "broken", "--cmd", "python3", "--arg", "-c",
                "--arg", "import sys; print('bad config'); sys.exit(3)", "--wait-timeout", "60");

        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.err()).contains("Error: ").contains("exited with code 3").contains("bad config");
        assertThat(broken.out()).isEmpty();
    }

    @Test
    @Order(8)
    void invokingAServiceThatDoesNotExistFails() {
        InProcessCli.Result missing = kumo("service", "invoke", "nobody");

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).startsWith("Error: ").contains("nobody");
    }

    @Test
    @Order(9)
    void deleteRemovesTheServices() {
        InProcessCli.Result deleted = kumo("service", "delete", "hello", "broken");

        assertThat(deleted.exitCode()).as(deleted.err()).isZero();
        assertThat(kumo("service", "list").out()).doesNotContain("hello").doesNotContain("broken");
    }

    @Test
    @Order(10)
    void followingTheLogsPicksUpRevisionsCreatedLater() throws Exception {
        InProcessCli.Result created = kumo("service", "create", "tailed", "--cmd", "python3", "--arg", "app.py",
                "--working-dir", SAMPLE.toString(), "--wait-timeout", "60");
        assertThat(created.exitCode()).as(created.err()).isZero();
        InProcessCli.Running logs = cli.start(withServer("service", "logs", "tailed", "-f"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(logs.out())
                .containsPattern("(?m)^tailed-00001 > tailed-00001-\\w+ \\| hello-python listening on \\d+$"));

        InProcessCli.Result updated = kumo("service", "update", "tailed", "-e", "TARGET=later", "--wait-timeout", "60");
        assertThat(updated.exitCode()).as(updated.err()).isZero();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(logs.out())
                .containsPattern("(?m)^tailed-00002 > tailed-00002-\\w+ \\| hello-python listening on \\d+$"));
        InProcessCli.Result stopped = logs.stop(Duration.ofSeconds(10));
        assertThat(stopped.exitCode()).as(stopped.err()).isZero();
        assertThat(stopped.err()).isEmpty();
    }

    @Test
    @Order(11)
    void invokeSendsThePathDataAndHeadersGiven() throws Exception {
        Path echo = Path.of(CliServingIT.class.getResource("/workloads/echo.py").toURI());
        InProcessCli.Result created = kumo("service", "create", "echo", "--cmd", "python3", "--arg", "-u", "--arg",
                echo.getFileName().toString(), "--working-dir", echo.getParent().toString(), "--wait-timeout", "60");
        assertThat(created.exitCode()).as(created.err()).isZero();

        InProcessCli.Result invoked = kumo("service", "invoke", "echo", "--path", "/echo?x=1", "--data",
                "{\"a\":1}", "--header", "X-Test:yes");

        assertThat(invoked.exitCode()).as(invoked.err()).isZero();
        assertThat(invoked.err()).startsWith("Sending POST " + url("echo") + "/echo?x=1 (Host: "
                + "echo.default.localhost:" + server.ingressPort());
        JsonNode seen = Json.parseObject(invoked.out());
        assertThat(seen.path("method").asText()).isEqualTo("POST");
        assertThat(seen.path("path").asText()).isEqualTo("/echo?x=1");
        assertThat(seen.path("body").asText()).isEqualTo("{\"a\":1}");
        assertThat(seen.path("headers").properties()).anySatisfy(header -> {
            assertThat(header.getKey()).isEqualToIgnoringCase("X-Test");
            assertThat(header.getValue().asText()).isEqualTo("yes");
        });
    }

    private static InProcessCli.Result kumo(String... args) {
        return cli.run(withServer(args));
    }

    private static String[] withServer(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--server";
        all[1] = server.apiUrl().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return all;
    }

    private static String url(String name) {
        return "http://" + name + ".default.localhost:" + server.ingressPort();
    }
}
