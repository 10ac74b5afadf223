package dev.kumo.dataplane.router;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/** What the request head says about its body (HTTP/1.1 framing, RFC 9112 §6; HTTP/2 frames its own). */
final class RequestBody {

    private RequestBody() {
    }

    /** Whether a body follows the head. */
    static boolean present(HttpServerRequest request) {
        if (chunked(request)) {
            return true;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null && !length.equals("0");
    }

    /**
     * Whether an HTTP/2 request may still bring a body of unknown length (HTTP/2 frames it, so it has neither
     * Content-Length nor chunks): relayed over HTTP/1.1, it goes chunked.
     */
    static boolean unframed(HttpServerRequest request) {
        return request.version() == HttpVersion.HTTP_2 && !request.isEnded()
                && !request.headers().contains(HttpHeaders.CONTENT_LENGTH);
    }

    /** Whether the body comes in chunks (its length unknown up front). */
    static boolean chunked(HttpServerRequest request) {
        return request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }
}
