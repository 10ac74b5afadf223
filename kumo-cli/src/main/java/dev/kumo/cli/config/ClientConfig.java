package dev.kumo.cli.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The resolved connection settings of one CLI invocation.
 *
 * @param server the API server's base URL
 * @param token the bearer token to send, if any
 * @param serverSource where the server address came from, for messages (e.g. {@code --server}, {@code KUMO_SERVER})
 * @param certificateAuthority the certificates to trust for an {@code https://} server; empty means the JDK's
 *     default trust store (always empty for {@code http://})
 * @param localSocket the unix socket on which this machine's server answers too, when {@code server} is that
 *     server ({@link LocalSocket}); one-shot calls go there first, without TLS
 */
public record ClientConfig(URI server, Optional<String> token, String serverSource,
        Optional<CertificateAuthority> certificateAuthority, Optional<Path> localSocket) {

    /** Settings without a local socket: every call goes to {@code server}. */
    public ClientConfig(URI server, Optional<String> token, String serverSource,
            Optional<CertificateAuthority> certificateAuthority) {
        this(server, token, serverSource, certificateAuthority, Optional.empty());
    }

    /** Whether the server is reached over TLS. */
    public boolean https() {
        return server.getScheme().equals("https");
    }
}
