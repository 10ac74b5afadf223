package kumo.func;

import java.util.Map;

/** What a function answers an HTTP request with. */
public record HttpResponse(int status, Map<String, String> headers, String body) {

    public HttpResponse {
        headers = Map.copyOf(headers);
    }

    /** A 200 answer with {@code body} of {@code contentType}. */
    public static HttpResponse ok(String contentType, String body) {
        return new HttpResponse(200, Map.of("Content-Type", contentType), body);
    }
}
