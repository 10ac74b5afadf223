package dev.kumo.cli.client;

import dev.kumo.cli.base.CliException;
import dev.kumo.cli.config.ClientConfig;
import java.io.IOException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/** Turns a failed TLS handshake (or a scheme that does not match the server) into an error the user can act on. */
final class TlsFailures {

    private TlsFailures() {
    }

    /** The explanation of a connection failure when it is about TLS, else empty. */
    static Optional<CliException> explain(ClientConfig config, IOException failure) {
        String message = messages(failure);
        String server = config.server().toString();
        if (!config.https()) {
            if (message.contains("header parser received no bytes") || message.contains("Connection reset")) {
                return Optional.of(new CliException("the server at " + server + " closed the connection without "
                        + "answering", "If it serves HTTPS (a Kumo server does whenever it requires a token), use "
                        + server.replaceFirst("^http:", "https:") + "."));
            }
            return Optional.empty();
        }
        if (!(failure instanceof SSLException) && !message.contains("SSL") && !message.contains("certificat")) {
            return Optional.empty();
        }
        if (message.contains("Unsupported or unrecognized SSL message")) {
            return Optional.of(new CliException("the server at " + server + " does not speak TLS",
                    "Use " + server.replaceFirst("^https:", "http:") + " instead."));
        }
        if (message.contains("No subject alternative") || message.contains("No name matching")) {
            return Optional.of(new CliException("the certificate of the server at " + server + " does not name "
                    + config.server().getHost(), "Connect with a name the certificate holds: a Kumo server's "
                    + "certificate names loopback and the address it is bound to."));
        }
        String trusted = config.certificateAuthority().map(a -> "the certificate authority " + a.file() + " (from "
                + a.source() + ")").orElse("the JDK's default trust store");
        return Optional.of(new CliException("the server at " + server + " presented a certificate not trusted by "
                + trusted + ": " + firstLine(failure), TrustedCertificates.HINT
                + " A server that created a new certificate needs 'kumo kubeconfig --merge' again."));
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static String firstLine(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? failure.getMessage() : root.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
}
