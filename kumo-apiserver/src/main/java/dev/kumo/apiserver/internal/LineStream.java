package dev.kumo.apiserver.internal;

import dev.kumo.api.errors.ApiException;
import java.time.Duration;
import java.util.Optional;

/** A response of lines that stays open: a watch (JSON events) or a log (text). */
public interface LineStream {

    /** Where the lines go: the HTTP response, written on the server's own thread. */
    interface Sink {

        void line(String line);

        void end();
    }

    /** A started stream; closing stops it (the client went away or the timeout passed). */
    interface Handle {

        void close();
    }

    String contentType();

    /** How long the server keeps the stream open at most. */
    Optional<Duration> timeout();

    /** Starts sending to {@code sink}; an ApiException here is answered with {@link #failureLine}. */
    Handle start(Sink sink);

    /** Whether this is a watch (which may also be served over a WebSocket). */
    default boolean watch() {
        return false;
    }

    /** The one line to send when the stream cannot start. */
    String failureLine(ApiException e);
}
