package dev.kumo.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The kubeconfig's current context as a source of server, token and CA, after the flags and KUMO_* variables. */
class KubeconfigContextTest {

    private static final String PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();

    private void kubeconfig(String clusterExtra, String userExtra) throws IOException {
        Path file = home.resolve(".kube").resolve("config");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                current-context: work
                clusters:
                - name: other
                  cluster: {server: "https://other.example:6443"}
                - name: c1
                  cluster:
                    server: https://cluster.example:6443
                %s
                contexts:
                - name: idle
                  context: {cluster: other, user: u1}
                - name: work
                  context: {cluster: c1, user: u1}
                users:
                - name: u1
                  user:
                %s
                """.formatted(clusterExtra, userExtra));
    }

    private ClientConfig resolve(Optional<String> server) {
        return new ConfigResolver(env, home).resolve(server, Optional.empty(), Optional.empty());
    }

    /** Inline certificate data, plain or tagged {@code !!binary} (read as its bytes, as the ObjectMapper read did). */
    @ParameterizedTest(name = "[{index}] tag ''{0}''")
    @ValueSource(strings = {"", "!!binary "})
    void theCurrentContextGivesServerTokenAndInlineCertificates(String tag) throws IOException {
        kubeconfig("    certificate-authority-data: " + tag
                + Base64.getEncoder().encodeToString(PEM.getBytes(StandardCharsets.US_ASCII)), "    token: s3cret");

        ClientConfig config = resolve(Optional.empty());

        assertThat(config.server()).isEqualTo(URI.create("https://cluster.example:6443"));
        assertThat(config.serverSource()).contains(".kube/config", "context work");
        assertThat(config.token()).contains("s3cret");
        assertThat(config.certificateAuthority().orElseThrow().pem()).hasValueSatisfying(
                pem -> assertThat(new String(pem, StandardCharsets.US_ASCII)).isEqualTo(PEM));
    }

    @Test
    void emptyDocumentsBeforeTheKubeconfigAreSkipped() throws IOException {
        kubeconfig("", "    token: s3cret");
        Path file = home.resolve(".kube").resolve("config");
        Files.writeString(file, "---\n---\n" + Files.readString(file));

        ClientConfig config = resolve(Optional.empty());

        assertThat(config.server()).isEqualTo(URI.create("https://cluster.example:6443"));
        assertThat(config.token()).contains("s3cret");
    }

    @Test
    void aTokenFileAndACertificateFileAreRelativeToTheKubeconfig() throws IOException {
        kubeconfig("    certificate-authority: ca.crt", "    tokenFile: token");
        Files.writeString(home.resolve(".kube").resolve("token"), "from-file\n");

        ClientConfig config = resolve(Optional.empty());

        assertThat(config.token()).contains("from-file");
        assertThat(config.certificateAuthority().orElseThrow().file()).isEqualTo(home.resolve(".kube/ca.crt"));
    }

    @Test
    void flagsVariablesAndAGivenDataDirectoryComeFirst() throws IOException {
        kubeconfig("", "    token: s3cret");
        Path dataDir = home.resolve("data");
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("api-url"), "https://127.0.0.1:7999\n");

        assertThat(resolve(Optional.of("https://flag.example")).server()).hasHost("flag.example");
        assertThat(resolve(Optional.of("https://flag.example")).token()).isEmpty();
        env.put("KUMO_SERVER", "https://variable.example");
        assertThat(resolve(Optional.empty()).server()).hasHost("variable.example");
        env.remove("KUMO_SERVER");
        env.put("KUMO_DATA_DIR", dataDir.toString());
        assertThat(resolve(Optional.empty()).server()).hasPort(7999);
        env.remove("KUMO_DATA_DIR");
        assertThat(new ConfigResolver(env, home).withoutKubeconfig().resolve(Optional.empty(), Optional.empty(),
                Optional.empty()).server()).isEqualTo(URI.create(ConfigResolver.DEFAULT_SERVER));
    }

    @Test
    void kumosOwnTokenAndCaAreNeverSentToTheKubeconfigsCluster() throws IOException {
        kubeconfig("", "    username: someone");
        Path config = home.resolve(".config/kumo/config.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "token: kumo-token\ncertificate-authority: kumo-ca.crt\n");
        env.put("KUMO_TOKEN", "env-token");
        env.put("KUMO_CA_FILE", home.resolve("env-ca.crt").toString());

        ClientConfig config1 = resolve(Optional.empty());

        assertThat(config1.server()).hasHost("cluster.example");
        assertThat(config1.token()).isEmpty();
        assertThat(config1.certificateAuthority()).isEmpty();

        kubeconfig("    certificate-authority: ca.crt", "    token: context-token");
        ClientConfig config2 = resolve(Optional.empty());
        assertThat(config2.token()).contains("context-token");
        assertThat(config2.certificateAuthority().orElseThrow().file()).isEqualTo(home.resolve(".kube/ca.crt"));
        assertThat(new ConfigResolver(env, home).resolve(Optional.empty(), Optional.of("flag-token"),
                Optional.empty()).token()).contains("flag-token");
    }

    @Test
    void aBrokenKubeconfigIsSkippedWithOneWarningAndTheLocalServerIsUsed() throws IOException {
        Path dataDir = home.resolve(".local/share/kumo");
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("api-url"), "https://127.0.0.1:7999\n");
        Path file = home.resolve(".kube").resolve("config");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "clusters: [unclosed\n");
        List<String> warnings = new ArrayList<>();

        assertThat(resolveWarning(warnings).server()).hasPort(7999);
        assertThat(warnings).singleElement().asString().contains(file.toString());

        kubeconfig("", "    tokenFile: missing-token");
        warnings.clear();
        assertThat(resolveWarning(warnings).server()).hasPort(7999);
        assertThat(warnings).singleElement().asString().contains("missing-token");
    }

    @Test
    void aContextWithAnExecPluginIsSkippedWithOneWarning() throws IOException {
        kubeconfig("", """
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: aws
                """);
        List<String> warnings = new ArrayList<>();

        assertThat(resolveWarning(warnings).server()).isEqualTo(URI.create(ConfigResolver.DEFAULT_SERVER));
        assertThat(warnings).singleElement().asString().contains("exec plugin", "context work");
    }

    private ClientConfig resolveWarning(List<String> warnings) {
        return new ConfigResolver(env, home, warnings::add).resolve(Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    @Test
    void noKubeconfigOrNoCurrentContextLeavesTheLocalServer() throws IOException {
        assertThat(resolve(Optional.empty()).server()).isEqualTo(URI.create(ConfigResolver.DEFAULT_SERVER));
        Files.createDirectories(home.resolve(".kube"));
        Files.writeString(home.resolve(".kube").resolve("config"), "apiVersion: v1\nkind: Config\n");
        assertThat(resolve(Optional.empty()).server()).isEqualTo(URI.create(ConfigResolver.DEFAULT_SERVER));
    }

    /** Read by the YAML parser alone: an empty file is no kubeconfig; a malformed one or a scalar is named. */
    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {"''|", "'---\n'|", "'~\n'|", "'clusters: [unclosed\n'|malformed YAML",
            "'just a word\n'|want a mapping", "'- a\n- b\n'|want a mapping"})
    void aKubeconfigIsReadWithoutAnObjectMapper(String text, String warning) throws IOException {
        Path file = home.resolve(".kube").resolve("config");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text.replace("\\n", "\n"));
        List<String> warnings = new ArrayList<>();

        assertThat(KubeconfigContext.read(file, warnings::add)).isEmpty();
        if (warning == null) {
            assertThat(warnings).isEmpty();
        } else {
            assertThat(warnings).singleElement().asString().contains(file.toString(), warning);
        }
    }
}
