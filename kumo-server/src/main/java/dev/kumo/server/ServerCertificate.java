package dev.kumo.server;

import dev.kumo.apiserver.TlsKeystore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The API server's self-signed certificate in {@code DATA_DIR/tls} (mode 700): {@code server.p12} (key and
 * certificate), {@code password} (the keystore's random password) and {@code ca.crt} (the certificate as PEM, which
 * clients trust), each mode 600 like every file in the data directory. Created at first start and reused while it is valid and names the bound host.
 *
 * @param keystore what the API server serves
 * @param caCertificate the PEM file clients trust
 * @param created whether this start created it (clients that trusted an older one must fetch it again)
 * @param hostNames the host names and addresses the certificate names (what a client may dial)
 */
record ServerCertificate(TlsKeystore keystore, Path caCertificate, boolean created, Set<String> hostNames) {

    private static final String ALIAS = "kumo";

    /** The certificate for a server bound to {@code host}, created (or recreated) when needed. */
    static ServerCertificate ensure(Path dataDir, String host) {
        Path dir = dataDir.resolve("tls");
        CertificateNames names = CertificateNames.forHost(host, MachineNames::find);
        try {
            Optional<ServerCertificate> existing = reusable(dir, names);
            return existing.isPresent() ? existing.get() : create(dir, names);
        } catch (IOException e) {
            throw new UncheckedIOException("creating the TLS certificate in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The stored certificate if it opens, is valid now and names every required host; its PEM is rewritten. */
    private static Optional<ServerCertificate> reusable(Path dir, CertificateNames names) throws IOException {
        Path keystore = dir.resolve("server.p12");
        Path passwordFile = dir.resolve("password");
        if (!Files.isRegularFile(keystore) || !Files.isRegularFile(passwordFile)) {
            return Optional.empty();
        }
        String password = Files.readString(passwordFile).trim();
        Optional<X509Certificate> certificate = certificate(keystore, password);
        if (certificate.isEmpty() || !subjectNames(certificate.get()).containsAll(names.required())) {
            return Optional.empty();
        }
        Path pem = writePem(dir, certificate.get());
        return Optional.of(new ServerCertificate(new TlsKeystore(keystore, password), pem, false,
                hostNames(certificate.get())));
    }

    private static ServerCertificate create(Path dir, CertificateNames names) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Path newKeystore = dir.resolve("server.p12.new");
        Files.deleteIfExists(newKeystore);
        Keytool.generateKeyPair(newKeystore, ALIAS, password, List.copyOf(names.included()));
        Files.setPosixFilePermissions(newKeystore, PosixFilePermissions.fromString("rw-------"));
        X509Certificate certificate = certificate(newKeystore, password).orElseThrow(() ->
                new IllegalStateException("keytool wrote " + newKeystore + " but it holds no certificate"));
        // The password goes in first: a start that finds a keystore its password does not open creates a new one.
        Path newPassword = dir.resolve("password.new");
        Files.deleteIfExists(newPassword);
        Files.createFile(newPassword, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        Files.writeString(newPassword, password + "\n");
        Files.move(newPassword, dir.resolve("password"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        Path keystore = dir.resolve("server.p12");
        Files.move(newKeystore, keystore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new ServerCertificate(new TlsKeystore(keystore, password), writePem(dir, certificate), true,
                hostNames(certificate));
    }

    /** The keystore's certificate if the password opens it and the certificate is valid now. */
    private static Optional<X509Certificate> certificate(Path keystore, String password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            if (store.getCertificate(ALIAS) instanceof X509Certificate x509 && store.isKeyEntry(ALIAS)) {
                x509.checkValidity();
                return Optional.of(x509);
            }
            return Optional.empty();
        } catch (GeneralSecurityException | IOException e) {
            // Unreadable, the wrong password, expired: a new certificate replaces it.
            return Optional.empty();
        }
    }

    /** The certificate's subject alternative names in {@link CertificateNames#entry} form. */
    static Set<String> subjectNames(X509Certificate certificate) {
        Set<String> names = new HashSet<>();
        try {
            Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
            for (List<?> entry : entries == null ? new ArrayList<List<?>>() : entries) {
                int type = (Integer) entry.get(0);
                if (type == 2 || type == 7) {
                    names.add(CertificateNames.entry(String.valueOf(entry.get(1))));
                }
            }
        } catch (CertificateParsingException e) {
            // No readable names: the certificate names nothing and gets replaced.
        }
        return names;
    }

    /** The certificate's names without their {@code ip:}/{@code dns:} prefix. */
    private static Set<String> hostNames(X509Certificate certificate) {
        return subjectNames(certificate).stream().map(name -> name.substring(name.indexOf(':') + 1))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Path writePem(Path dir, X509Certificate certificate) throws IOException {
        String pem;
        try {
            pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encoding the TLS certificate: " + e.getMessage(), e);
        }
        Path file = dir.resolve("ca.crt");
        if (!Files.isRegularFile(file) || !Files.readString(file).equals(pem)) {
            Path next = dir.resolve("ca.crt.new");
            Files.deleteIfExists(next);
            Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(next, pem);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return file;
    }
}
