package dev.kumo.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the CLI offers the local server's socket: only for that very server, and only while the socket is there. */
class LocalSocketTest {

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();
    private Path dataDir;

    @BeforeEach
    void localServer() throws IOException {
        dataDir = Files.createDirectories(home.resolve(".local/share/kumo"));
        Files.writeString(dataDir.resolve("api-url"), "https://127.0.0.1:7781\n");
        Files.writeString(dataDir.resolve("token"), "local-token\n");
        Files.createFile(dataDir.resolve("api.sock"));
    }

    private ClientConfig resolve(Optional<String> server) {
        return new ConfigResolver(env, home, warning -> { }).resolve(server, Optional.empty(), Optional.empty());
    }

    @Test
    void theLocalServerFoundByItsDataDirectoryIsReachedOnItsSocket() {
        assertThat(resolve(Optional.empty()).localSocket()).contains(dataDir.resolve("api.sock"));
    }

    @Test
    void aDataDirectoryGivenByTheEnvironmentOffersItsOwnSocket() throws IOException {
        Path other = Files.createDirectories(home.resolve("other"));
        Files.writeString(other.resolve("api-url"), "https://127.0.0.1:9999");
        Files.createFile(other.resolve("api.sock"));
        env.put("KUMO_DATA_DIR", other.toString());

        assertThat(resolve(Optional.empty()).localSocket()).contains(other.resolve("api.sock"));
    }

    @Test
    void theSameUrlFromAFlagOrTheKubeconfigUsesTheSocketToo() throws IOException {
        assertThat(resolve(Optional.of("https://127.0.0.1:7781/")).localSocket()).isPresent();

        Files.createDirectories(home.resolve(".kube"));
        Files.writeString(home.resolve(".kube/config"), """
                apiVersion: v1
                kind: Config
                current-context: kumo
                contexts: [{name: kumo, context: {cluster: kumo, user: kumo}}]
                clusters: [{name: kumo, cluster: {server: "https://127.0.0.1:7781"}}]
                users: [{name: kumo, user: {token: kube-token}}]
                """);
        ClientConfig fromKubeconfig = resolve(Optional.empty());
        assertThat(fromKubeconfig.serverSource()).startsWith("the kubeconfig");
        assertThat(fromKubeconfig.localSocket()).contains(dataDir.resolve("api.sock"));
        assertThat(fromKubeconfig.token()).contains("kube-token");
    }

    @Test
    void anotherServerKeepsHttps() throws IOException {
        assertThat(resolve(Optional.of("https://kumo.example:7781")).localSocket()).isEmpty();
        assertThat(resolve(Optional.of("https://127.0.0.1:7782")).localSocket()).isEmpty();
        assertThat(resolve(Optional.of("http://127.0.0.1:7781")).localSocket()).isEmpty();
        assertThat(resolve(Optional.of("https://localhost:7781")).localSocket()).isEmpty();

        Files.createDirectories(home.resolve(".kube"));
        Files.writeString(home.resolve(".kube/config"), """
                apiVersion: v1
                kind: Config
                current-context: remote
                contexts: [{name: remote, context: {cluster: remote, user: remote}}]
                clusters: [{name: remote, cluster: {server: "https://remote.example:6443"}}]
                users: [{name: remote, user: {token: remote-token}}]
                """);
        assertThat(resolve(Optional.empty()).localSocket()).isEmpty();
    }

    @Test
    void noSocketFileMeansHttps() throws IOException {
        Files.delete(dataDir.resolve("api.sock"));

        assertThat(resolve(Optional.empty()).localSocket()).isEmpty();
    }

    @Test
    void noApiUrlMeansHttps() throws IOException {
        Files.delete(dataDir.resolve("api-url"));

        assertThat(resolve(Optional.of("https://127.0.0.1:7780")).localSocket()).isEmpty();
    }
}
