package dev.kumo.cli.testing;

/**
 * One request the fake server received.
 *
 * @param method e.g. {@code PATCH}
 * @param path the raw path, e.g. {@code /apis/serving.knative.dev/v1/namespaces/default/services/hello}
 * @param query the raw query, empty when none
 * @param contentType the Content-Type header, empty when none
 * @param authorization the Authorization header, empty when none
 * @param body the body text
 */
public record RecordedRequest(String method, String path, String query, String contentType, String authorization,
        String body) {

    /** {@code METHOD path?query}, for readable assertions. */
    public String line() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query);
    }
}
