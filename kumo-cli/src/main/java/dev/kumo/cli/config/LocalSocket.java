package dev.kumo.cli.config;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where this machine's server answers without TLS: {@code DATA_DIR/api.sock}, which the server serves its API on
 * beside its TCP listener (same token, same routes). The CLI uses it only for the very server it targets: the one
 * whose {@code api-url} in that data directory is the URL the CLI resolved (from any source, the kubeconfig
 * included), and only while the socket file is there; anything else keeps HTTPS.
 */
final class LocalSocket {

    static final String FILE = "api.sock";

    private LocalSocket() {
    }

    /** The socket of the server that owns {@code dataDirectory}, when {@code server} is that server's URL. */
    static Optional<Path> of(URI server, Path dataDirectory) {
        Path socket = dataDirectory.resolve(FILE);
        Path apiUrl = dataDirectory.resolve("api-url");
        if (!Files.exists(socket) || !Files.isReadable(apiUrl)) {
            return Optional.empty();
        }
        try {
            return sameServer(server, URI.create(Files.readString(apiUrl).trim())) ? Optional.of(socket)
                    : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // an unreadable api-url: the server is reached as resolved, over TCP
        }
    }

    /** Same scheme, host and port; a path of {@code /} or none is the same. */
    static boolean sameServer(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b)
                && path(a).equals(path(b));
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String path(URI uri) {
        return uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    }
}
