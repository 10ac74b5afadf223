package dev.kumo.cli.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The PEM certificates the CLI trusts for an {@code https://} server: a file's, or (from a kubeconfig's
 * {@code certificate-authority-data}) the bytes themselves.
 *
 * @param file the PEM file (one or more certificates), or the file the bytes were read from
 * @param source where it came from, for messages (e.g. {@code --certificate-authority}, {@code KUMO_CA_FILE})
 * @param pem the certificates themselves when they were given inline, else empty (read {@code file})
 */
public record CertificateAuthority(Path file, String source, Optional<byte[]> pem) {

    /** The certificates of a PEM file. */
    public CertificateAuthority(Path file, String source) {
        this(file, source, Optional.empty());
    }
}
