package dev.kumo.cli.resource;

import static dev.kumo.cli.testing.Fixtures.ready;
import static dev.kumo.cli.testing.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.testing.CliResult;
import dev.kumo.cli.testing.CliRunner;
import dev.kumo.cli.testing.FakeApiServer;
import dev.kumo.cli.testing.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GetAndDeleteCommandsTest {

    @TempDir
    Path home;

    private final FakeApiServer server = FakeApiServer.start();

    @BeforeEach
    void seed() {
        server.seed(ResourceTypes.SERVICE, service("default", "hello", ready()));
        server.seed(ResourceTypes.CONFIGMAP, Json.parseObject("""
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings","namespace":"default"}}"""));
        server.seed(ResourceTypes.NAMESPACE, Json.parseObject("""
                {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"default"},"status":{"phase":"Active"}}"""));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRunner cli() {
        return CliRunner.against(server.baseUrl(), home);
    }

    @Test
    void getsAnyKindByShortName() {
        assertThat(cli().run("get", "ksvc", "--no-headers").out()).startsWith("hello ");
        assertThat(cli().run("get", "cm").out()).isEqualTo("NAME       AGE\nsettings   5m\n");
        assertThat(cli().run("get", "ns").out()).isEqualTo("NAME      AGE\ndefault   5m\n");
        assertThat(server.requests()).extracting(RecordedRequest::line).containsExactly(
                "GET /apis/serving.knative.dev/v1/namespaces/default/services",
                "GET /api/v1/namespaces/default/configmaps",
                "GET /api/v1/namespaces");
    }

    @Test
    void getsOneObject() {
        CliResult table = cli().run("get", "configmap", "settings");
        assertThat(table.out()).isEqualTo("NAME       AGE\nsettings   5m\n");

        CliResult json = cli().run("get", "services", "hello", "-o", "json");
        assertThat(Json.parseObject(json.out()).path("metadata").path("name").asText()).isEqualTo("hello");
    }

    @Test
    void deletesByKindAndNames() {
        CliResult result = cli().run("delete", "ksvc", "hello");

        assertThat(result.out()).isEqualTo("service.serving.knative.dev \"hello\" deleted\n");
        assertThat(server.requests().getLast().line())
                .isEqualTo("DELETE /apis/serving.knative.dev/v1/namespaces/default/services/hello");
    }

    @Test
    void deletesTheObjectsOfAManifest() throws IOException {
        Path file = home.resolve("all.yaml");
        Files.writeString(file, """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                ---
                apiVersion: serving.knative.dev/v1
                kind: Service
                metadata:
                  name: hello
                """);

        CliResult result = cli().run("delete", "-f", file.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("configmap \"settings\" deleted\n"
                + "service.serving.knative.dev \"hello\" deleted\n");
        assertThat(server.stored(ResourceTypes.CONFIGMAP, "default", "settings")).isEmpty();
    }

    @Test
    void deletingWhatIsNotThereFailsUnlessIgnored() {
        CliResult failed = cli().run("delete", "cm", "nope");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).isEqualTo("""
                Error: configmaps "nope" not found
                Run 'kumo get configmaps' to see the configmaps in namespace default.
                """);

        CliResult ignored = cli().run("delete", "cm", "nope", "--ignore-not-found");
        assertThat(ignored.exitCode()).isZero();
        assertThat(ignored.err()).isEmpty();
    }
}
