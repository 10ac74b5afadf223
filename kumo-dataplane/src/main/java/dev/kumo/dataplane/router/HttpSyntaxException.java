package dev.kumo.dataplane.router;

/** Bytes that are not the HTTP/1.1 the front forwards as bytes: the message says what and where. */
final class HttpSyntaxException extends RuntimeException {

    HttpSyntaxException(String message) {
        super(message, null, false, false); // no stack trace: the message is the whole story
    }
}
