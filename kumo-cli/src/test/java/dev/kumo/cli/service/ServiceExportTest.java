package dev.kumo.cli.service;

import static dev.kumo.cli.testing.Fixtures.ready;
import static dev.kumo.cli.testing.Fixtures.revision;
import static dev.kumo.cli.testing.Fixtures.service;
import static dev.kumo.cli.testing.Fixtures.serving;
import static dev.kumo.cli.testing.Fixtures.traffic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.codec.Manifests;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.cli.testing.CliResult;
import dev.kumo.cli.testing.CliRunner;
import dev.kumo.cli.testing.FakeApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code service export} in kn's two modes, and the steps {@code service import} applies from either. */
class ServiceExportTest {

    @TempDir
    Path home;

    private final FakeApiServer server = FakeApiServer.start();

    @BeforeEach
    void seed() {
        ObjectNode hello = service("default", "hello", ready(), serving("http://hello.default.localhost",
                "hello-v2"), traffic("hello-v2", 80, "", true), traffic("hello-v1", 20, "old", false));
        hello.withObjectProperty("metadata").put("uid", "u-1").put("resourceVersion", "7")
                .putObject("annotations").put("serving.knative.dev/creator", "admin").put("team", "a");
        hello.withObjectProperty("spec").putArray("traffic").addObject().put("revisionName", "hello-v1")
                .put("percent", 20);
        server.seed(ResourceTypes.SERVICE, hello);
        server.seed(ResourceTypes.REVISION, revision("default", "hello-v2", "hello", 2));
        server.seed(ResourceTypes.REVISION, revision("default", "hello-v1", "hello", 1,
                r -> ((ObjectNode) r.at("/spec/containers/0")).put("image", "ghcr.io/x/old")));
        server.seed(ResourceTypes.REVISION, revision("default", "hello-v0", "hello", 0)); // not routed
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliResult kumo(String... args) {
        return CliRunner.against(server.baseUrl(), home).run(args);
    }

    @Test
    void theServiceAloneWithoutWhatTheServerSet() {
        CliResult result = kumo("service", "export", "hello", "-o", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode exported = Json.parseObject(result.out());
        assertThat(exported.path("metadata").toString()).isEqualTo("{\"name\":\"hello\",\"namespace\":\"default\","
                + "\"annotations\":{\"team\":\"a\"}}");
        assertThat(exported.has("status")).isFalse();
        assertThat(kumo("service", "export", "hello").err()).contains("export needs -o yaml or -o json");
    }

    @Test
    void replayIsTheServiceAtEachRoutedRevisionOldestFirstTheLastWithTheTraffic() {
        CliResult result = kumo("service", "export", "hello", "--with-revisions", "-o", "yaml");

        List<ObjectNode> steps = Manifests.read(result.out());
        assertThat(steps).extracting(s -> s.at("/spec/template/metadata/name").asText())
                .containsExactly("hello-v1", "hello-v2");
        assertThat(steps.getFirst().at("/spec/template/spec/containers/0/image").asText()).isEqualTo("ghcr.io/x/old");
        assertThat(steps.getFirst().at("/spec/traffic").isMissingNode()).isTrue();
        assertThat(steps.getLast().at("/spec/traffic/0/revisionName").asText()).isEqualTo("hello-v1");
    }

    @Test
    void resourcesIsKnsExportAndImportReplaysIt() throws Exception {
        CliResult result = kumo("service", "export", "hello", "--with-revisions", "--mode", "resources", "-o",
                "yaml");

        ObjectNode export = Manifests.read(result.out()).getFirst();
        assertThat(export.path("apiVersion").asText()).isEqualTo("client.knative.dev/v1alpha1");
        assertThat(export.path("kind").asText()).isEqualTo("Export");
        assertThat(export.at("/spec/revisions")).extracting(r -> r.at("/metadata/name").asText())
                .containsExactly("hello-v1", "hello-v2");
        assertThat(ServiceExport.steps(export)).extracting(s -> s.at("/spec/template/metadata/name").asText())
                .containsExactly("hello-v1", "hello-v2");

        Path file = Files.writeString(home.resolve("export.yaml"), result.out());
        CliResult exists = kumo("service", "import", file.toString());
        assertThat(exists.exitCode()).isEqualTo(1);
        assertThat(exists.err()).contains("service 'hello' already exists in namespace 'default'");
        Path bad = Files.writeString(home.resolve("bad.yaml"), "kind: ConfigMap\nmetadata: {name: x}\n");
        assertThat(kumo("service", "import", bad.toString()).err()).contains("not an export");
    }
}
