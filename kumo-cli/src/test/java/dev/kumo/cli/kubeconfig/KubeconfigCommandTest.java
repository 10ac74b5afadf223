package dev.kumo.cli.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.codec.Manifests;
import dev.kumo.cli.testing.CliResult;
import dev.kumo.cli.testing.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigCommandTest {

    @TempDir
    Path home;

    @Test
    void printsAKubeconfigForTheCurrentServerAndToken() {
        CliResult result = CliRunner.withHome(home).env("KUMO_SERVER", "http://127.0.0.1:7781")
                .env("KUMO_TOKEN", "s3cret").run("kubeconfig");

        assertThat(result.out()).isEqualTo("""
                apiVersion: v1
                kind: Config
                clusters:
                - name: kumo
                  cluster:
                    server: http://127.0.0.1:7781
                contexts:
                - name: kumo
                  context:
                    cluster: kumo
                    namespace: default
                    user: kumo
                current-context: kumo
                preferences: {}
                users:
                - name: kumo
                  user:
                    token: s3cret
                """);
    }

    @Test
    void mergesIntoKubeconfigAndSaysWhere() throws IOException {
        Path file = home.resolve("custom/kubeconfig");

        CliResult result = CliRunner.withHome(home).env("KUBECONFIG", file.toString()).run("kubeconfig", "--merge");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Wrote cluster, user and context \"kumo\" (server http://127.0.0.1:7780)"
                + " into " + file + ".\n");
        assertThat(Manifests.read(Files.readString(file)).getFirst().path("current-context").asText())
                .isEqualTo("kumo");
        assertThat(CliRunner.withHome(home).env("KUBECONFIG", file.toString()).run("kubeconfig", "--merge").out())
                .startsWith("Merged cluster, user and context");
    }
}
