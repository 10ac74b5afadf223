package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.URISyntaxException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI on this machine reaches its server over {@code DATA_DIR/api.sock} (no TLS), and over HTTPS when it targets
 * another address, or the socket is gone or refuses. Which way a call went shows in a certificate authority that
 * does not exist: HTTPS needs it and fails naming it, the socket does not read it.
 */
class LocalSocketCliIT {

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static Path data;
    private static Path socket;
    private static InProcessCli cli;
    private static final String NO_CA = "/nonexistent/ca.crt";

    @BeforeAll
    static void start() throws Exception {
        data = temp.resolve("data");
        server = KumoServer.start(TestServers.requiringToken(data));
        socket = data.resolve(KumoServer.API_SOCKET);
        cli = new InProcessCli(Files.createDirectories(temp.resolve("home")), data);
        InProcessCli.Result applied = cli.run("apply", "-f", manifest("hello.yaml"));
        assertThat(applied.exitCode()).as(applied.err()).isZero();
    }

    @AfterAll
    static void stop() {
        server.close();
        assertThat(socket).as("removed at stop").doesNotExist();
    }

    @Test
    void theLocalServerIsReachedOnItsSocketWithoutTls() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");

        InProcessCli.Result listed = cli.run("service", "list", "--certificate-authority", NO_CA);
        InProcessCli.Result version = cli.run("version", "--certificate-authority", NO_CA);

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("hello");
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).containsIgnoringCase("server");
    }

    @Test
    void aServerNamedWithoutItsDataDirectoryIsReachedOverHttps() throws Exception {
        String elsewhere = Files.createDirectories(temp.resolve("other-data")).toString();
        String url = "https://127.0.0.1:" + server.apiPort();
        String token = server.token().orElseThrow();
        String ca = server.caCertificate().orElseThrow().toString();

        InProcessCli.Result listed = cli.run("service", "list", "--server", url, "--data-dir", elsewhere, "--token",
                token, "--certificate-authority", ca);
        InProcessCli.Result withoutCa = cli.run("service", "list", "--server", url, "--data-dir", elsewhere,
                "--token", token, "--certificate-authority", NO_CA);

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("hello");
        assertThat(withoutCa.exitCode()).isNotZero();
        assertThat(withoutCa.err()).contains(NO_CA);
    }

    @Test
    void aSocketThatRefusesOrIsGoneMeansHttps() throws Exception {
        Path live = data.resolve("api.sock.moved");
        Files.move(socket, live); // the server keeps listening on the moved file
        try {
            try (ServerSocketChannel killed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                killed.bind(UnixDomainSocketAddress.of(socket)); // a file nobody listens on, as a killed server's
            }
            InProcessCli.Result refused = cli.run("service", "list");
            InProcessCli.Result refusedWithoutCa = cli.run("service", "list", "--certificate-authority", NO_CA);
            Files.delete(socket);
            InProcessCli.Result gone = cli.run("service", "list");
            InProcessCli.Result goneWithoutCa = cli.run("service", "list", "--certificate-authority", NO_CA);

            assertThat(refused.exitCode()).as(refused.err()).isZero();
            assertThat(refused.out()).contains("hello");
            assertThat(refusedWithoutCa.err()).contains(NO_CA);
            assertThat(gone.exitCode()).as(gone.err()).isZero();
            assertThat(gone.out()).contains("hello");
            assertThat(goneWithoutCa.err()).contains(NO_CA);
        } finally {
            Files.deleteIfExists(socket);
            Files.move(live, socket);
        }
    }

    private static String manifest(String name) {
        try {
            return Path.of(LocalSocketCliIT.class.getResource("/manifests/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
