package kumo.func;

import java.util.Map;

/** An HTTP request as Kumo's invoker hands it to a function: header names in lower case, the body as text. */
public record HttpRequest(String method, String path, String query, Map<String, String> headers, String body) {

    public HttpRequest {
        headers = Map.copyOf(headers);
    }

    /** A header's value, or {@code fallback} when it was not sent. */
    public String header(String name, String fallback) {
        return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), fallback);
    }
}
