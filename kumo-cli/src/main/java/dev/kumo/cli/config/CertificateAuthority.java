package dev.kumo.cli.config;

import java.nio.file.Path;

/**
 * The PEM file whose certificates the CLI trusts for an {@code https://} server.
 *
 * @param file the PEM file (one or more certificates)
 * @param source where it came from, for messages (e.g. {@code --certificate-authority}, {@code KUMO_CA_FILE})
 */
public record CertificateAuthority(Path file, String source) {
}
