package dev.kumo.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.cli.base.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --kubeconfig} and {@code --context}, as kn and kubectl take them: named, they are read strictly and first. */
class KubeconfigChoiceTest {

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private Path file;

    @BeforeEach
    void aKubeconfigOutsideKubectlsPlace() throws IOException {
        file = home.resolve("clusters").resolve("two.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                current-context: work
                clusters:
                - name: staging
                  cluster: {server: "https://staging.example:6443"}
                - name: prod
                  cluster: {server: "https://prod.example:6443"}
                contexts:
                - name: idle
                  context: {cluster: staging, user: reader}
                - name: work
                  context: {cluster: prod, user: deployer}
                users:
                - name: reader
                  user: {token: reader-token}
                - name: deployer
                  user: {token: deployer-token}
                """);
    }

    private ClientConfig resolve(Optional<String> server, Optional<Path> kubeconfig, Optional<String> context) {
        return new ConfigResolver(env, home, warnings::add)
                .withKubeconfig(new KubeconfigChoice(kubeconfig, context))
                .resolve(server, Optional.empty(), Optional.empty());
    }

    @Test
    void theNamedFileAndItsCurrentContextComeBeforeTheVariables() {
        env.put("KUMO_SERVER", "https://variable.example");

        ClientConfig config = resolve(Optional.empty(), Optional.of(file), Optional.empty());

        assertThat(config.server()).hasHost("prod.example");
        assertThat(config.token()).contains("deployer-token");
        assertThat(config.serverSource()).contains(file.toString(), "context work");
    }

    @Test
    void theNamedContextOfKubeconfigFromTheVariable() {
        env.put("KUBECONFIG", file.toString());

        ClientConfig config = resolve(Optional.empty(), Optional.empty(), Optional.of("idle"));

        assertThat(config.server()).hasHost("staging.example");
        assertThat(config.token()).contains("reader-token");
    }

    @Test
    void withServerTooTheContextGivesOnlyItsCredentials() {
        ClientConfig config = resolve(Optional.of("https://flag.example"), Optional.of(file), Optional.of("idle"));

        assertThat(config.server()).hasHost("flag.example");
        assertThat(config.serverSource()).isEqualTo("--server");
        assertThat(config.token()).contains("reader-token");
    }

    @Test
    void aContextTheFileLacksIsAnErrorNamingTheOnesItHas() {
        assertThatThrownBy(() -> resolve(Optional.empty(), Optional.of(file), Optional.of("prodd")))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("--context prodd", file.toString(), "it has idle, work",
                        "kubectl config get-contexts");
    }

    @Test
    void aMissingFileIsAnErrorNotAFallBack() {
        Path missing = home.resolve("nowhere.yaml");

        assertThatThrownBy(() -> resolve(Optional.empty(), Optional.of(missing), Optional.empty()))
                .isInstanceOf(CliException.class)
                .hasMessageContaining(missing.toString(), "--kubeconfig", "does not exist");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aFileWithNoCurrentContextNeedsOne() throws IOException {
        Files.writeString(file, Files.readString(file).replace("current-context: work\n", ""));

        assertThatThrownBy(() -> resolve(Optional.empty(), Optional.of(file), Optional.empty()))
                .isInstanceOf(CliException.class).hasMessageContaining("no current-context", "--context");
        assertThat(resolve(Optional.empty(), Optional.of(file), Optional.of("work")).server())
                .hasHost("prod.example");
    }

    @Test
    void kubeconfigsOwnWriterNeitherReadsNorFailsOnIt() {
        ConfigResolver writer = new ConfigResolver(env, home, warnings::add)
                .withKubeconfig(new KubeconfigChoice(Optional.of(home.resolve("nowhere.yaml")), Optional.empty()))
                .withoutKubeconfig();

        assertThat(writer.resolve(Optional.empty(), Optional.empty(), Optional.empty()).server())
                .hasToString(ConfigResolver.DEFAULT_SERVER);
        assertThat(new KubeconfigChoice(Optional.of(file), Optional.empty()).location(env, home)).isEqualTo(file);
        assertThat(KubeconfigChoice.none().location(env, home)).isEqualTo(home.resolve(".kube").resolve("config"));
    }
}
