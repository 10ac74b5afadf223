package dev.kumo.cli.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Manifests;
import dev.kumo.cli.config.ClientConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigFileTest {

    private static final String EXISTING = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: kind-dev
              cluster:
                server: https://127.0.0.1:6443
            - name: kumo
              cluster:
                server: http://old:1
            contexts:
            - name: kind-dev
              context:
                cluster: kind-dev
                user: kind-dev
            users:
            - name: kind-dev
              user:
                client-certificate-data: Zm9v
            current-context: kind-dev
            preferences:
              colors: true
            """;

    @TempDir
    Path home;

    private final ObjectNode kumo = Kubeconfig.document(
            new ClientConfig(URI.create("http://127.0.0.1:7780"), Optional.of("s3cret"), "default",
                    Optional.empty()), "default");

    @Test
    void keepsOtherEntriesReplacesKumosAndSwitchesContext() throws IOException {
        Path file = home.resolve(".kube/config");
        Files.createDirectories(file.getParent());
        Files.writeString(file, EXISTING);

        assertThat(KubeconfigFile.merge(file, kumo)).isTrue();

        JsonNode merged = Manifests.read(Files.readString(file)).getFirst();
        assertThat(names(merged, "clusters")).containsExactly("kind-dev", "kumo");
        assertThat(names(merged, "contexts")).containsExactly("kind-dev", "kumo");
        assertThat(names(merged, "users")).containsExactly("kind-dev", "kumo");
        assertThat(merged.path("clusters").get(1).path("cluster").path("server").asText())
                .isEqualTo("http://127.0.0.1:7780");
        assertThat(merged.path("users").get(0).path("user").path("client-certificate-data").asText())
                .isEqualTo("Zm9v");
        assertThat(merged.path("users").get(1).path("user").path("token").asText()).isEqualTo("s3cret");
        assertThat(merged.path("contexts").get(1).path("context").path("namespace").asText()).isEqualTo("default");
        assertThat(merged.path("current-context").asText()).isEqualTo("kumo");
        assertThat(merged.path("preferences").path("colors").asBoolean()).isTrue();
    }

    @Test
    void aSymlinkedKubeconfigStaysALinkAndItsTargetIsRewritten() throws IOException {
        Path target = home.resolve("dotfiles/kube-config");
        Files.createDirectories(target.getParent());
        Files.writeString(target, EXISTING);
        Path link = home.resolve(".kube/config");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, target);

        assertThat(KubeconfigFile.merge(link, kumo)).isTrue();

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(target);
        assertThat(names(Manifests.read(Files.readString(target)).getFirst(), "clusters"))
                .containsExactly("kind-dev", "kumo");
        try (var siblings = Files.list(link.getParent())) {
            assertThat(siblings).containsExactly(link);
        }
    }

    @Test
    void createsTheFileReadableByItsOwnerOnly() throws IOException {
        Path file = home.resolve("new/dir/config");
        assertThat(KubeconfigFile.merge(file, kumo)).isFalse();
        assertThat(Manifests.read(Files.readString(file)).getFirst().path("current-context").asText())
                .isEqualTo("kumo");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void mergesIntoTheFirstFileOfKubeconfigElseTheHomeOne() {
        assertThat(KubeconfigFile.location(Map.of("KUBECONFIG", "/a/one:/b/two"), home)).isEqualTo(Path.of("/a/one"));
        assertThat(KubeconfigFile.location(Map.of(), home)).isEqualTo(home.resolve(".kube/config"));
    }

    @Test
    void leavesTheTokenOutWhenThereIsNone() {
        ObjectNode document = Kubeconfig.document(
                new ClientConfig(URI.create("http://127.0.0.1:7780"), Optional.empty(), "default",
                        Optional.empty()), "team-a");
        assertThat(document.path("users").get(0).path("user").isEmpty()).isTrue();
        assertThat(document.path("contexts").get(0).path("context").path("namespace").asText()).isEqualTo("team-a");
    }

    private static List<String> names(JsonNode config, String section) {
        List<String> names = new ArrayList<>();
        config.path(section).forEach(entry -> names.add(entry.path("name").asText()));
        return names;
    }
}
