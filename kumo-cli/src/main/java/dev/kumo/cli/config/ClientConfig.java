package dev.kumo.cli.config;

import java.net.URI;
import java.util.Optional;

/**
 * The resolved connection settings of one CLI invocation.
 *
 * @param server the API server's base URL
 * @param token the bearer token to send, if any
 * @param serverSource where the server address came from, for messages (e.g. {@code --server}, {@code KUMO_SERVER})
 * @param certificateAuthority the certificates to trust for an {@code https://} server; empty means the JDK's
 *     default trust store (always empty for {@code http://})
 */
public record ClientConfig(URI server, Optional<String> token, String serverSource,
        Optional<CertificateAuthority> certificateAuthority) {

    /** Whether the server is reached over TLS. */
    public boolean https() {
        return server.getScheme().equals("https");
    }
}
