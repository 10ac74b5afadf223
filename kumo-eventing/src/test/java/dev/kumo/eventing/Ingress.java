package dev.kumo.eventing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A plain JDK HTTP client posting to the mesh's ingress, as any producer would. */
public final class Ingress {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public Ingress(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** POSTs {@code body} with {@code headers} to {@code path}. */
    public HttpResponse<String> post(String path, Map<String, String> headers, String body) {
        return send(path, "POST", headers, body);
    }

    /** A binary-mode event with the given id and type and a small JSON body. */
    public HttpResponse<String> postBinary(String path, String id, String type) {
        return post(path, Map.of("ce-specversion", "1.0", "ce-id", id, "ce-source", "/test", "ce-type", type,
                "Content-Type", "application/json"), "{\"id\":\"" + id + "\"}");
    }

    public HttpResponse<String> send(String path, String method, Map<String, String> headers, String body) {
        return exchange(path, method, headers, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
    }

    /** POSTs {@code body} with {@code Transfer-Encoding: chunked} (its length is not announced). */
    public HttpResponse<String> postChunked(String path, Map<String, String> headers, byte[] body) {
        return exchange(path, "POST", headers, HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(body)));
    }

    private HttpResponse<String> exchange(String path, String method, Map<String, String> headers,
            HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body);
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
