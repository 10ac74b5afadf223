package dev.kumo.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.cli.base.CliException;
import dev.kumo.cli.config.CertificateAuthority;
import dev.kumo.cli.config.ClientConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class TlsFailuresTest {

    private static final ClientConfig HTTPS = new ClientConfig(URI.create("https://127.0.0.1:7780"),
            Optional.empty(), "--server",
            Optional.of(new CertificateAuthority(Path.of("/tmp/ca.crt"), "KUMO_CA_FILE")));
    private static final ClientConfig HTTP = new ClientConfig(URI.create("http://127.0.0.1:7780"),
            Optional.empty(), "--server", Optional.empty());

    @Test
    void anUntrustedCertificateNamesTheTrustedFileAndHintsAtTheFlag() {
        SSLHandshakeException failure = new SSLHandshakeException("PKIX path building failed");
        failure.initCause(new CertPathBuilderException("unable to find valid certification path to requested target"));

        CliException error = TlsFailures.explain(HTTPS, failure).orElseThrow();

        assertThat(error.getMessage()).isEqualTo("the server at https://127.0.0.1:7780 presented a certificate not "
                + "trusted by the certificate authority /tmp/ca.crt (from KUMO_CA_FILE): unable to find valid "
                + "certification path to requested target");
        assertThat(error.hint()).hasValueSatisfying(h -> assertThat(h).contains("--certificate-authority"));
    }

    @Test
    void aCertificateForAnotherNameSaysSo() {
        CliException error = TlsFailures.explain(HTTPS,
                new SSLHandshakeException("No subject alternative names matching IP address 127.0.0.1 found"))
                .orElseThrow();

        assertThat(error.getMessage()).isEqualTo("the certificate of the server at https://127.0.0.1:7780 does not "
                + "name 127.0.0.1");
    }

    @Test
    void theWrongSchemeEitherWayIsExplained() {
        assertThat(TlsFailures.explain(HTTPS, new javax.net.ssl.SSLException(
                "Unsupported or unrecognized SSL message")).orElseThrow().hint()).contains("Use http://127.0.0.1:7780 "
                + "instead.");
        assertThat(TlsFailures.explain(HTTP, new IOException("HTTP/1.1 header parser received no bytes"))
                .orElseThrow().hint()).hasValueSatisfying(h -> assertThat(h).contains("use https://127.0.0.1:7780"));
    }

    @Test
    void otherFailuresAreLeftToTheCaller() {
        assertThat(TlsFailures.explain(HTTP, new IOException("Broken pipe"))).isEmpty();
        assertThat(TlsFailures.explain(HTTPS, new IOException("Broken pipe"))).isEmpty();
    }
}
