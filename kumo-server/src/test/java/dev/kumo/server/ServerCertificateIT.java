package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificate keytool creates in the data directory: its files, its names, when it is reused or replaced. */
class ServerCertificateIT {

    @TempDir
    Path dataDir;

    @Test
    void createdOnceWithOwnerOnlySecretsThenReused() throws Exception {
        ServerCertificate first = ServerCertificate.ensure(dataDir, "127.0.0.1");
        Path tls = dataDir.resolve("tls");

        assertThat(first.created()).isTrue();
        assertThat(first.caCertificate()).isEqualTo(tls.resolve("ca.crt"));
        assertThat(first.keystore().path()).isEqualTo(tls.resolve("server.p12"));
        assertThat(mode(tls)).isEqualTo("rwx------");
        assertThat(mode(tls.resolve("server.p12"))).isEqualTo("rw-------");
        assertThat(mode(tls.resolve("password"))).isEqualTo("rw-------");
        assertThat(Files.readString(tls.resolve("password")).trim()).isEqualTo(first.keystore().password());
        X509Certificate pem = pem(first.caCertificate());
        assertThat(pem).isEqualTo(keystoreCertificate(first));
        assertThat(pem.getSubjectX500Principal().getName()).isEqualTo("CN=kumo");
        assertThat(pem.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(ServerCertificate.subjectNames(pem))
                .containsExactlyInAnyOrder("ip:127.0.0.1", "ip:0:0:0:0:0:0:0:1", "dns:localhost");

        byte[] keystore = Files.readAllBytes(first.keystore().path());
        ServerCertificate again = ServerCertificate.ensure(dataDir, "localhost");
        assertThat(again.created()).isFalse();
        assertThat(again.keystore()).isEqualTo(first.keystore());
        assertThat(Files.readAllBytes(again.keystore().path())).isEqualTo(keystore);
    }

    @Test
    void aHostTheCertificateDoesNotNameGetsANewOneNamingIt() throws Exception {
        ServerCertificate loopback = ServerCertificate.ensure(dataDir, "127.0.0.1");
        ServerCertificate other = ServerCertificate.ensure(dataDir, "192.0.2.7");

        assertThat(other.created()).isTrue();
        assertThat(other.keystore().password()).isNotEqualTo(loopback.keystore().password());
        assertThat(ServerCertificate.subjectNames(pem(other.caCertificate())))
                .contains("ip:192.0.2.7", "ip:127.0.0.1");
        assertThat(ServerCertificate.ensure(dataDir, "127.0.0.1").created()).isFalse();
    }

    @Test
    void aKeystoreItsPasswordDoesNotOpenIsReplaced() throws Exception {
        ServerCertificate.ensure(dataDir, "127.0.0.1");
        Files.writeString(dataDir.resolve("tls/password"), "wrong\n");

        ServerCertificate replaced = ServerCertificate.ensure(dataDir, "127.0.0.1");

        assertThat(replaced.created()).isTrue();
        assertThat(pem(replaced.caCertificate())).isEqualTo(keystoreCertificate(replaced));
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static X509Certificate pem(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static X509Certificate keystoreCertificate(ServerCertificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certificate.keystore().path())) {
            store.load(in, certificate.keystore().password().toCharArray());
        }
        return (X509Certificate) store.getCertificate("kumo");
    }
}
