package dev.kumo.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.cli.base.CliException;
import dev.kumo.cli.config.CertificateAuthority;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedCertificatesTest {

    @TempDir
    Path temp;

    @Test
    void trustsTheCertificateOfThePemFileAndNoOther() throws Exception {
        X509TrustManager trust = TrustedCertificates.trustManager(authority(resource("one.crt")));

        trust.checkServerTrusted(new X509Certificate[] {certificate("one.crt")}, "ECDHE_ECDSA");
        assertThat(trust.getAcceptedIssuers()).extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("CN=kumo-test-one");
        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] {certificate("two.crt")},
                "ECDHE_ECDSA")).isInstanceOf(CertificateException.class);
    }

    @Test
    void trustsEveryCertificateOfABundle() throws Exception {
        X509TrustManager trust = TrustedCertificates.trustManager(authority(resource("bundle.crt")));

        trust.checkServerTrusted(new X509Certificate[] {certificate("one.crt")}, "ECDHE_ECDSA");
        trust.checkServerTrusted(new X509Certificate[] {certificate("two.crt")}, "ECDHE_ECDSA");
        assertThat(TrustedCertificates.sslContext(authority(resource("bundle.crt"))).getProtocol()).isEqualTo("TLS");
    }

    @Test
    void pemReturnsTheFilesBytesUnchanged() throws IOException {
        assertThat(TrustedCertificates.pem(authority(resource("one.crt"))))
                .isEqualTo(Files.readAllBytes(resource("one.crt")));
    }

    @Test
    void aMissingFileIsAnErrorNamingItsSourceWithAHint() {
        CertificateAuthority missing = new CertificateAuthority(temp.resolve("nope.crt"), "KUMO_CA_FILE");

        assertThatThrownBy(() -> TrustedCertificates.sslContext(missing)).isInstanceOf(CliException.class)
                .hasMessage("cannot read the certificate authority " + temp.resolve("nope.crt")
                        + " (from KUMO_CA_FILE): no such file")
                .satisfies(e -> assertThat(((CliException) e).hint()).hasValueSatisfying(hint ->
                        assertThat(hint).contains("--certificate-authority FILE")));
    }

    @Test
    void aFileWithoutCertificatesIsAnError() throws IOException {
        Path notPem = Files.writeString(temp.resolve("token"), "0123456789abcdef\n");

        assertThatThrownBy(() -> TrustedCertificates.pem(authority(notPem))).isInstanceOf(CliException.class)
                .hasMessageContaining("holds no PEM certificate");
        assertThatThrownBy(() -> TrustedCertificates.pem(authority(Files.createFile(temp.resolve("empty")))))
                .isInstanceOf(CliException.class).hasMessageContaining("holds no PEM certificate");
    }

    private static CertificateAuthority authority(Path file) {
        return new CertificateAuthority(file, "--certificate-authority");
    }

    private static Path resource(String name) {
        try {
            return Path.of(TrustedCertificatesTest.class.getResource("/tls/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(String name) throws Exception {
        try (InputStream in = Files.newInputStream(resource(name))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
