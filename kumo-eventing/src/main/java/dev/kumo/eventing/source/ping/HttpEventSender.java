package dev.kumo.eventing.source.ping;

import dev.kumo.eventing.http.BinaryMode;
import dev.kumo.eventing.http.Posts;
import io.cloudevents.CloudEvent;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.util.concurrent.CompletionStage;

/** Sends events in binary mode over HTTP with a pooled keep-alive Vert.x client ({@code *.localhost} on loopback). */
public final class HttpEventSender implements EventSender, AutoCloseable {

    private final WebClient client;
    private final int timeoutMillis;

    public HttpEventSender(Vertx vertx, int timeoutMillis) {
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true)
                .setConnectTimeout(timeoutMillis).setIdleTimeout(60));
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public CompletionStage<Integer> send(URI sink, CloudEvent event) {
        return BinaryMode.send(Posts.to(client, sink).timeout(timeoutMillis), event)
                .map(response -> response.statusCode())
                .toCompletionStage();
    }

    @Override
    public void close() {
        client.close();
    }
}
