package dev.kumo.cli.completion;

import static dev.kumo.cli.testing.Fixtures.ready;
import static dev.kumo.cli.testing.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.testing.CliResult;
import dev.kumo.cli.testing.CliRunner;
import dev.kumo.cli.testing.FakeApiServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kumo __complete}: commands, flags, kinds and the server's object names, as the scripts ask. */
class CompleterTest {

    @TempDir
    Path home;

    private final FakeApiServer server = FakeApiServer.start();

    @BeforeEach
    void seed() {
        server.seed(ResourceTypes.SERVICE, service("default", "hello", ready()));
        server.seed(ResourceTypes.SERVICE, service("default", "hola", ready()));
        server.seed(ResourceTypes.SERVICE, service("team-a", "other", ready()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String complete(String... words) {
        CliResult result = CliRunner.against(server.baseUrl(), home).run(prepend(words));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.out();
    }

    private static String[] prepend(String... words) {
        String[] args = new String[words.length + 1];
        args[0] = CompleteRun.WORD;
        System.arraycopy(words, 0, args, 1, words.length);
        return args;
    }

    @Test
    void commandsAndSubcommands() {
        assertThat(complete("se")).isEqualTo("sequence\nserver\nservice\n");
        assertThat(complete("service", "")).contains("apply\n", "create\n", "describe\n", "list\n", "wait\n")
                .doesNotContain("hello");
        assertThat(complete("service", "de")).isEqualTo("delete\ndescribe\n");
    }

    @Test
    void namesOfExistingObjectsFromTheServerInTheNamespaceGiven() {
        assertThat(complete("service", "describe", "h")).isEqualTo("hello\nhola\n");
        assertThat(complete("service", "delete", "-n", "team-a", "")).isEqualTo("other\n");
        assertThat(complete("service", "logs", "--namespace=team-a", "o")).isEqualTo("other\n");
        assertThat(complete("service", "create", "h")).isEmpty();
    }

    @Test
    void kindsThenNamesAfterGetAndDelete() {
        assertThat(complete("get", "rou")).isEqualTo("routes\n");
        assertThat(complete("get", "ksvc", "")).isEqualTo("hello\nhola\n");
    }

    @Test
    void flagsAndNamespaces() {
        assertThat(complete("service", "list", "--n")).isEqualTo("--namespace\n--no-headers\n");
        assertThat(complete("service", "describe", "-n", "")).isEmpty(); // the fake server lists no namespaces
    }

    @Test
    void withoutAServerCommandsAreStillOffered() {
        CliResult result = CliRunner.against(java.net.URI.create("http://127.0.0.1:1"), home)
                .run(CompleteRun.WORD, "service", "describe", "");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(CliRunner.against(java.net.URI.create("http://127.0.0.1:1"), home)
                .run(CompleteRun.WORD, "rev").out()).isEqualTo("revision\n");
    }
}
