package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** Requests through a test server's ingress with the Host header naming a Route, as curl would send them. */
final class Ingress {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final java.util.function.IntSupplier port;
    /**
     * HTTP/1.1, as curl sends an http:// URL: the JDK client's default upgrades to h2c, and an HTTP/2 request whose
     * Host header differs from its {@code :authority} is malformed (RFC 9113 §8.3.1; Vert.x resets it).
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    Ingress(KumoServer server) {
        this.port = server::ingressPort;
    }

    /** The ingress of a server running as a child process. */
    Ingress(ServerProcess server) {
        this.port = server::ingressPort;
    }

    /** How many of {@code requests} GETs of {@code path} on {@code host} answered each body; each must be 200. */
    Map<String, Integer> tally(String host, String path, int requests) {
        Map<String, Integer> answers = new TreeMap<>();
        for (int i = 0; i < requests; i++) {
            HttpResponse<String> answer = get(host, path);
            assertThat(answer.statusCode()).as("request %d: %s", i, answer.body()).isEqualTo(200);
            answers.merge(answer.body(), 1, Integer::sum);
        }
        return answers;
    }

    /** GET {@code path} on the host {@code host} (such as {@code hello.default.localhost}). */
    HttpResponse<String> get(String host, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getAsInt() + path))
                .header("Host", host).timeout(TIMEOUT).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + host + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
