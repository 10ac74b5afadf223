package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.cli.client.TrustedCertificates;
import dev.kumo.cli.config.CertificateAuthority;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that requires the token serves HTTPS with its own certificate; the kumo CLI and the real kubectl (which
 * sends a bearer token only over TLS) both get in with the token and the certificate, anonymous requests do not.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenOverTlsIT {

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static String url;
    private static Path ca;
    private static String token;
    private static InProcessCli cli;

    @BeforeAll
    static void start() throws Exception {
        server = KumoServer.start(TestServers.requiringToken(temp.resolve("data")));
        url = "https://127.0.0.1:" + server.apiPort();
        ca = server.caCertificate().orElseThrow();
        token = server.token().orElseThrow();
        cli = new InProcessCli(Files.createDirectories(temp.resolve("home")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void anonymousHttpsRequestsAreRefusedAndTheTokenLetsThemIn() throws Exception {
        assertThat(server.apiScheme()).isEqualTo("https");
        HttpClient client = HttpClient.newBuilder().sslContext(TrustedCertificates.sslContext(
                new CertificateAuthority(ca, "test"))).build();

        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(URI.create(url + "/api")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> authorized = client.send(HttpRequest.newBuilder(URI.create(url + "/api"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(authorized.statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void theCliAppliesAndListsWithTheTokenAndTheCertificate() {
        InProcessCli.Result applied = cli.run("apply", "-f", manifest("hello.yaml"), "--server", url,
                "--token", token, "--certificate-authority", ca.toString());
        InProcessCli.Result listed = cli.run("service", "list", "--server", url, "--token", token,
                "--certificate-authority", ca.toString());

        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("hello");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("hello");
    }

    @Test
    @Order(3)
    void theRealKubectlListsItWithTheKubeconfigTheCliWrites() throws Exception {
        InProcessCli.Result kubeconfig = cli.run("kubeconfig", "--server", url, "--token", token,
                "--certificate-authority", ca.toString());
        assertThat(kubeconfig.exitCode()).as(kubeconfig.err()).isZero();
        assertThat(kubeconfig.out()).contains("certificate-authority-data: ", "token: " + token);
        Path kubectlHome = Files.createDirectories(temp.resolve("kubectl-home"));
        Path file = Files.writeString(kubectlHome.resolve("kumo.kubeconfig"), kubeconfig.out());

        Kubectl.Result listed = Kubectl.withKubeconfig(file, kubectlHome).run("get", "ksvc");

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("hello");
    }

    @Test
    @Order(4)
    void withoutTheCertificateTheCliSaysWhatToPass() {
        InProcessCli.Result result = cli.run("service", "list", "--server", url, "--token", token);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Error: the server at " + url + " presented a certificate not trusted")
                .contains("--certificate-authority FILE");
    }

    @Test
    @Order(5)
    void plainHttpToTheHttpsPortSaysToUseHttps() {
        InProcessCli.Result result = cli.run("service", "list", "--server", url.replace("https:", "http:"),
                "--token", token);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("use " + url);
    }

    private static String manifest(String name) {
        try {
            return Path.of(TokenOverTlsIT.class.getResource("/manifests/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
