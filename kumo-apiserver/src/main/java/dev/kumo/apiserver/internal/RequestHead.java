package dev.kumo.apiserver.internal;

import io.vertx.core.http.HttpServerRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the access checks see of a request before its body is read: method, path and headers (names lower case).
 *
 * @param method the HTTP method
 * @param path the raw path
 * @param headers the headers by lower-case name; repeated headers joined with a comma
 */
public record RequestHead(String method, String path, Map<String, String> headers) {

    /** The head of a Vert.x request. */
    public static RequestHead of(HttpServerRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach(entry -> headers.merge(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue(),
                (a, b) -> a + "," + b));
        return new RequestHead(request.method().name(), request.path() == null ? "/" : request.path(), headers);
    }

    /** The header's value, empty when absent. */
    String header(String name) {
        return headers.getOrDefault(name, "");
    }

    /** Whether the request carries the header at all. */
    boolean has(String name) {
        return headers.containsKey(name);
    }

    /** The path's non-empty segments. */
    List<String> segments() {
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }
}
