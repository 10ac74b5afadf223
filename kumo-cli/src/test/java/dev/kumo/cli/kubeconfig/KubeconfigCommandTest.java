package dev.kumo.cli.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.codec.Manifests;
import dev.kumo.cli.testing.CliResult;
import dev.kumo.cli.testing.CliRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigCommandTest {

    private static final String CERTIFICATE = read("/tls/one.crt");

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
    void carriesTheCertificateInlineForAnHttpsServer() throws IOException {
        Path ca = Files.writeString(home.resolve("ca.crt"), CERTIFICATE);

        CliResult result = CliRunner.withHome(home).env("KUMO_TOKEN", "s3cret")
                .run("kubeconfig", "--server", "https://127.0.0.1:7781", "--certificate-authority", ca.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        var cluster = Manifests.read(result.out()).getFirst().at("/clusters/0/cluster");
        assertThat(cluster.path("server").asText()).isEqualTo("https://127.0.0.1:7781");
        assertThat(new String(Base64.getDecoder().decode(cluster.path("certificate-authority-data").asText()),
                StandardCharsets.US_ASCII)).isEqualTo(CERTIFICATE);
    }

    @Test
    void refusesACertificateFileThatHoldsNoCertificate() throws IOException {
        Path ca = Files.writeString(home.resolve("ca.crt"), "not a certificate\n");

        CliResult result = CliRunner.withHome(home)
                .run("kubeconfig", "--server", "https://127.0.0.1:7781", "--certificate-authority", ca.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Error: the certificate authority " + ca)
                .contains("Pass the server's certificate with --certificate-authority FILE");
    }

    @Test
    void mergesIntoKubeconfigAndSaysWhere() throws IOException {
        Path file = home.resolve("custom/kubeconfig");

        CliResult result = CliRunner.withHome(home).env("KUBECONFIG", file.toString()).run("kubeconfig", "--merge");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Wrote cluster, user and context \"kumo\" (server https://127.0.0.1:7780)"
                + " into " + file + ".\n");
        assertThat(Manifests.read(Files.readString(file)).getFirst().path("current-context").asText())
                .isEqualTo("kumo");
        assertThat(CliRunner.withHome(home).env("KUBECONFIG", file.toString()).run("kubeconfig", "--merge").out())
                .startsWith("Merged cluster, user and context");
    }

    private static String read(String resource) {
        try (InputStream in = KubeconfigCommandTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
