package dev.kumo.dataplane.router;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/** What the request head says about its body (HTTP/1.1 framing, RFC 9112 §6). */
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

    /** Whether the body comes in chunks (its length unknown up front). */
    static boolean chunked(HttpServerRequest request) {
        return request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }
}
