package dev.kumo.http;

/** The body a listener sends with an answer it gives on its own (400, 408, 414, 431), in its own format. */
@FunctionalInterface
public interface ErrorAnswer {

    /** The body of a response with {@code status} saying {@code message}. */
    Body body(int status, String message);

    /** A content type and the bytes of the body. */
    record Body(String contentType, byte[] bytes) {
    }

    /** Plain text, the message and a newline. */
    ErrorAnswer TEXT = (status, message) -> new Body("text/plain; charset=utf-8",
            (message + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
}
