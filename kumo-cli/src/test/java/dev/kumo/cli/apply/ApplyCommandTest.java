package dev.kumo.cli.apply;

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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplyCommandTest {

    private static final String SERVICE_PATH = "/apis/serving.knative.dev/v1/namespaces/default/services/hello";
    private static final String HELLO = """
            apiVersion: serving.knative.dev/v1
            kind: Service
            metadata:
              name: hello
            spec:
              template:
                spec:
                  containers:
                  - image: ghcr.io/knative/helloworld-go
                    env:
                    - name: TARGET
                      value: %s
            """;

    @TempDir
    Path home;

    private final FakeApiServer server = FakeApiServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRunner cli() {
        return CliRunner.against(server.baseUrl(), home);
    }

    private Path manifest(String name, String text) throws IOException {
        Path file = home.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void createsWithAGetThenAServerSideApplyPatch() throws IOException {
        Path file = manifest("hello.yaml", HELLO.formatted("World"));

        CliResult result = cli().run("apply", "-f", file.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("service.serving.knative.dev/hello created\n");
        assertThat(server.requests()).extracting(RecordedRequest::line).containsExactly(
                "GET " + SERVICE_PATH,
                "PATCH " + SERVICE_PATH + "?fieldManager=kumo&fieldValidation=Strict");
        RecordedRequest patch = server.requests().get(1);
        assertThat(patch.contentType()).isEqualTo("application/apply-patch+yaml");
        assertThat(Json.parseObject(patch.body()).path("metadata").path("namespace").asText()).isEqualTo("default");
        assertThat(server.stored(ResourceTypes.SERVICE, "default", "hello")).isPresent();
    }

    @Test
    void reportsUnchangedWhenTheResourceVersionStaysAndConfiguredWhenItMoves() throws IOException {
        Path world = manifest("hello.yaml", HELLO.formatted("World"));
        Path kumo = manifest("hello-v2.yaml", HELLO.formatted("Kumo"));
        cli().run("apply", "-f", world.toString());

        assertThat(cli().run("apply", "-f", world.toString()).out())
                .isEqualTo("service.serving.knative.dev/hello unchanged\n");
        assertThat(cli().run("apply", "-f", kumo.toString()).out())
                .isEqualTo("service.serving.knative.dev/hello configured\n");
        assertThat(server.stored(ResourceTypes.SERVICE, "default", "hello").orElseThrow()
                .path("metadata").path("generation").asLong()).isEqualTo(2);
    }

    @Test
    void appliesEveryObjectOfStdinWhereTheyBelong() {
        String manifests = """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: team-a
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  namespace: team-a
                data:
                  color: blue
                """;

        CliResult result = cli().stdin(manifests).run("apply", "-f", "-");

        assertThat(result.out()).isEqualTo("namespace/team-a created\nconfigmap/settings created\n");
        assertThat(server.requests()).extracting(RecordedRequest::line).filteredOn(l -> l.startsWith("PATCH"))
                .containsExactly(
                        "PATCH /api/v1/namespaces/team-a?fieldManager=kumo&fieldValidation=Strict",
                        "PATCH /api/v1/namespaces/team-a/configmaps/settings?fieldManager=kumo&fieldValidation=Strict");
    }

    @Test
    void theNamespaceFlagPlacesObjectsWithoutOne() throws IOException {
        Path file = manifest("hello.yaml", HELLO.formatted("World"));

        cli().run("apply", "-n", "team-b", "-f", file.toString());

        assertThat(server.requests().getLast().path())
                .isEqualTo("/apis/serving.knative.dev/v1/namespaces/team-b/services/hello");
    }

    @Test
    void sendsTheTokenAndPrintsServerWarnings() throws IOException {
        server.requireToken("s3cret").warnOnWrites("spec.template.metadata.name is deprecated");
        Path file = manifest("hello.yaml", HELLO.formatted("World"));

        CliResult result = cli().env("KUMO_TOKEN", "s3cret").run("apply", "-f", file.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer s3cret"));
        assertThat(result.err()).isEqualTo("Warning: spec.template.metadata.name is deprecated\n");
    }

    @Test
    void aWrongTokenIsAnErrorWithAHint() throws IOException {
        server.requireToken("s3cret");
        Path file = manifest("hello.yaml", HELLO.formatted("World"));

        CliResult result = cli().env("KUMO_TOKEN", "wrong").run("apply", "-f", file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Error: applying service.serving.knative.dev/hello from " + file
                + ": Unauthorized\n").contains("--token");
    }

    @Test
    void printsTheAppliedObjectsWithOutput() throws IOException {
        Path file = manifest("hello.yaml", HELLO.formatted("World"));

        CliResult result = cli().run("apply", "-f", file.toString(), "-o", "name");

        assertThat(result.out()).isEqualTo("service.serving.knative.dev/hello\n");
    }

    @Test
    void anUnknownKindStopsBeforeAnyRequest() throws IOException {
        Path file = manifest("deploy.yaml", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: x\n");

        CliResult result = cli().run("apply", "-f", file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Error: " + file + ": kumo does not know the kind StatefulSet in apps/v1");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void appliesADirectory() throws IOException {
        Files.createDirectories(home.resolve("manifests/more"));
        manifest("manifests/a.yaml", HELLO.formatted("World"));
        manifest("manifests/more/b.json", """
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"b"},"data":{"k":"v"}}""");

        CliResult result = cli().run("apply", "-f", home.resolve("manifests").toString());

        assertThat(result.out().lines().toList()).isEqualTo(List.of(
                "service.serving.knative.dev/hello created", "configmap/b created"));
    }
}
