package dev.kumo.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** A producer of a kill -9 test's burst: binary-mode events POSTed until all are sent or the server is gone. */
final class Burst {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String address;
    private final String idPrefix;
    private final int events;

    Burst(String address, String idPrefix, int events) {
        this.address = address;
        this.idPrefix = idPrefix;
        this.events = events;
    }

    /** Posts events numbered from {@code next} (shared by the producers); records the ids answered 202. */
    void produce(AtomicInteger next, Set<String> accepted) {
        for (int i = next.getAndIncrement(); i < events; i = next.getAndIncrement()) {
            String id = idPrefix + i;
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(address))
                        .timeout(Duration.ofSeconds(10)).header("ce-specversion", "1.0").header("ce-id", id)
                        .header("ce-type", "dev.kumo.burst").header("ce-source", "/kill-nine")
                        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(id)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 202) {
                    accepted.add(id);
                }
            } catch (Exception e) {
                return; // the server was killed under us: that is the point of the test
            }
        }
    }
}
