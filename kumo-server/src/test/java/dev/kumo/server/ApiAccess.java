package dev.kumo.server;

import dev.kumo.cli.client.TrustedCertificates;
import dev.kumo.cli.config.CertificateAuthority;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a test reaches a server's API as the secure default wants it: its URL, its bearer token and the certificate
 * to trust (the last two absent for a server started with {@code --insecure-no-auth}).
 *
 * @param url the API's base URL, e.g. {@code https://127.0.0.1:PORT}
 * @param token the bearer token, when the server requires one
 * @param ca the PEM certificate to trust, when the server serves HTTPS
 */
public record ApiAccess(URI url, Optional<String> token, Optional<Path> ca) {

    /** The access to an in-process server. */
    public static ApiAccess of(KumoServer server) {
        return new ApiAccess(server.apiUrl(), server.token(), server.caCertificate());
    }

    /** The access to the server owning {@code dataDir}, from what it wrote there ({@code api-url}, token, CA). */
    public static ApiAccess of(Path dataDir) {
        Path ca = dataDir.resolve("tls").resolve("ca.crt");
        return new ApiAccess(URI.create(read(dataDir.resolve("api-url")).orElseThrow(() -> new AssertionError(
                "no api-url in " + dataDir + ": the server has not started"))),
                read(dataDir.resolve("token")), Files.isRegularFile(ca) ? Optional.of(ca) : Optional.empty());
    }

    /** {@code url} + {@code path}. */
    public URI uri(String path) {
        return URI.create(url + path);
    }

    /**
     * An HTTP/1.1 client that trusts the server's certificate. Its connect timeout covers the TLS handshake too,
     * which a freshly started server on a loaded machine took more than 5 s to complete.
     */
    public HttpClient client() {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30));
        ca.ifPresent(file -> builder.sslContext(TrustedCertificates.sslContext(new CertificateAuthority(file,
                "the test server's data directory"))));
        return builder.build();
    }

    /** A request for {@code path} carrying the token. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return request;
    }

    /** kubectl's connection flags for this server: {@code --server}, {@code --certificate-authority}, {@code --token}. */
    public List<String> kubectlFlags() {
        List<String> flags = new ArrayList<>(List.of("--server", url.toString()));
        ca.ifPresent(file -> flags.addAll(List.of("--certificate-authority", file.toString())));
        token.ifPresent(t -> flags.addAll(List.of("--token", t)));
        return flags;
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file).trim()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
