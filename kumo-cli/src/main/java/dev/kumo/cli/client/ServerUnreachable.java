package dev.kumo.cli.client;

import java.net.URI;

/** The API server could not be reached at all (refused, timed out, unknown host). */
public final class ServerUnreachable extends RuntimeException {

    private final URI server;

    public ServerUnreachable(URI server, String why, Throwable cause) {
        super("cannot reach the Kumo API server at " + server + ": " + why, cause);
        this.server = server;
    }

    public URI server() {
        return server;
    }
}
