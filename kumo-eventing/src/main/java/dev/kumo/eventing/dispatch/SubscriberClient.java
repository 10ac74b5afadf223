package dev.kumo.eventing.dispatch;

import dev.kumo.eventing.http.BinaryMode;
import dev.kumo.eventing.http.Posts;
import dev.kumo.eventing.http.TraceContext;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.time.Duration;

/** Sends one event in binary mode over a pooled keep-alive HTTP/1.1 client and classifies the answer. */
final class SubscriberClient implements AutoCloseable {

    private final WebClient client;

    SubscriberClient(Vertx vertx, int maxConnectionsPerHost) {
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                .setMaxPoolSize(maxConnectionsPerHost).setFollowRedirects(false)
                .setUserAgent("kumo-eventing"));
    }

    /**
     * One attempt; {@code preferReply} adds {@code Prefer: reply} and reads a reply from a 200; never fails (errors
     * become an {@link Outcome}).
     */
    Future<Outcome> send(URI target, CloudEvent event, Duration timeout, boolean preferReply) {
        HttpRequest<Buffer> request = Posts.to(client, target).timeout(Math.max(1, timeout.toMillis()));
        if (preferReply) {
            request.putHeader("Prefer", "reply");
        }
        TraceContext.propagate(event, request);
        return BinaryMode.send(request, event)
                .map(response -> Outcome.ofResponse(response.statusCode(), response.headers(),
                        response.bodyAsBuffer() == null ? Buffer.buffer() : response.bodyAsBuffer(), preferReply))
                .otherwise(Outcome::ofError);
    }

    @Override
    public void close() {
        client.close();
    }
}
