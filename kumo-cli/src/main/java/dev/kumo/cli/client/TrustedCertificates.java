package dev.kumo.cli.client;

import dev.kumo.cli.base.CliException;
import dev.kumo.cli.config.CertificateAuthority;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates of a PEM file as the only ones the CLI trusts, the way kubectl uses a kubeconfig's
 * {@code certificate-authority}. Host names are still verified against the server's certificate.
 */
public final class TrustedCertificates {

    /** What to do about any certificate problem. */
    public static final String HINT = "Pass the server's certificate with --certificate-authority FILE (or "
            + "KUMO_CA_FILE); a Kumo server keeps it in its data directory as tls/ca.crt.";

    private TrustedCertificates() {
    }

    /** The file's bytes, once checked to hold at least one PEM (or DER) certificate. */
    public static byte[] pem(CertificateAuthority authority) {
        byte[] bytes = read(authority);
        certificates(authority, bytes);
        return bytes;
    }

    /** A TLS context trusting exactly the file's certificates. */
    public static SSLContext sslContext(CertificateAuthority authority) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager(authority)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new CliException("trusting the certificate in " + describe(authority) + ": " + e.getMessage(), HINT);
        }
    }

    /** The PKIX trust manager over an in-memory key store holding the file's certificates. */
    static X509TrustManager trustManager(CertificateAuthority authority) {
        Collection<? extends Certificate> certificates = certificates(authority, read(authority));
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                trusted.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            return Arrays.stream(factory.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                    .map(X509TrustManager.class::cast).findFirst()
                    .orElseThrow(() -> new KeyStoreException("no X.509 trust manager"));
        } catch (GeneralSecurityException | IOException e) {
            throw new CliException("trusting the certificate in " + describe(authority) + ": " + e.getMessage(), HINT);
        }
    }

    private static byte[] read(CertificateAuthority authority) {
        if (authority.pem().isPresent()) {
            return authority.pem().get();
        }
        try {
            return Files.readAllBytes(authority.file());
        } catch (NoSuchFileException e) {
            throw new CliException("cannot read the certificate authority " + describe(authority) + ": no such file",
                    HINT);
        } catch (IOException e) {
            throw new CliException("cannot read the certificate authority " + describe(authority) + ": "
                    + e.getMessage(), HINT);
        }
    }

    private static Collection<? extends Certificate> certificates(CertificateAuthority authority, byte[] bytes) {
        try {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes));
            if (!certificates.isEmpty()) {
                return certificates;
            }
        } catch (CertificateException e) {
            // Not a certificate: reported below like an empty file.
        }
        throw new CliException("the certificate authority " + describe(authority) + " holds no PEM certificate "
                + "(want '-----BEGIN CERTIFICATE-----' blocks)", HINT);
    }

    private static String describe(CertificateAuthority authority) {
        return authority.file() + " (from " + authority.source() + ")";
    }
}
