package dev.kumo.dataplane.router;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.impl.HttpClientConnection;
import io.vertx.core.http.impl.HttpClientInternal;
import io.vertx.core.impl.ContextInternal;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One event loop's instance connections pinned to client connections (issue #16): an HTTP/1.1 client connection
 * keeps one connection of its own to each instance it was sent to, on the same event loop, so its next request there
 * goes out without a lease from the client's pool (8–14% of the event loops' CPU in the profile). A connection is
 * used by one request at a time; while it is busy, and for HTTP/2 clients, requests take the pool as before. Pinned
 * connections close with their client connection and leave when the instance closes them. Vert.x offers this only
 * through its internal {@code HttpClientInternal.connect}: the one use of Vert.x's internals in the router.
 */
final class PinnedConnections {

    /** Below nginx's 75 s keep-alive and the pool's 60 s, so the instance does not close it as a request goes out. */
    private static final long MAX_IDLE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    private final HttpClient client;
    private final Map<HttpConnection, Map<Instance, Pinned>> byClient = new IdentityHashMap<>();

    /** {@code client} is this event loop's HTTP/1.1 client to instances, whose pool the rest still uses. */
    PinnedConnections(HttpClient client) {
        this.client = client;
    }

    /**
     * The request to the exchange's instance: on the client connection's pinned connection to it when that one is
     * free (made on first use), else from the pool; {@code options} name method, URI and instance. A pinned
     * connection is used again only after an exchange that {@linkplain Exchange#completed() completed}; otherwise
     * (an error answered, the client gone, a reset mid-response) it is closed and forgotten.
     */
    Future<HttpClientRequest> request(Exchange exchange, RequestOptions options) {
        HttpServerRequest request = exchange.request();
        if (request.version() == HttpVersion.HTTP_2) {
            return client.request(options);
        }
        HttpConnection inbound = request.connection();
        Map<Instance, Pinned> pinned = byClient.get(inbound);
        if (pinned == null) {
            pinned = new HashMap<>(2);
            byClient.put(inbound, pinned);
            inbound.closeHandler(v -> closeAll(byClient.remove(inbound)));
        }
        Instance instance = exchange.instance();
        long now = System.nanoTime();
        Pinned connection = pinned.get(instance);
        if (connection != null && !connection.busy && now - connection.lastUsedNanos > MAX_IDLE_NANOS) {
            // Idle long enough that the instance may be closing it (as the pool's keep-alive timeout avoids).
            pinned.remove(instance);
            connection.close();
            connection = null;
        }
        if (connection == null) {
            connection = pin(pinned, instance);
        } else if (connection.busy) {
            return client.request(options);
        }
        Pinned taken = connection;
        Map<Instance, Pinned> owner = pinned;
        taken.busy = true;
        taken.lastUsedNanos = now;
        exchange.onDone(() -> {
            if (exchange.completed()) {
                taken.busy = false;
            } else if (owner.remove(instance, taken)) {
                taken.close();
            }
        });
        ContextInternal context = (ContextInternal) exchange.context();
        return taken.connection.compose(c -> c.createRequest(context)).map(out -> out.setMethod(options.getMethod())
                .setURI(options.getURI()).setHost(options.getHost()).setPort(options.getPort()))
                // Connected, but closed by the instance just now: the pool, rather than ejecting a live instance.
                .recover(failed -> taken.connection.succeeded() ? client.request(options) : Future.failedFuture(failed));
    }

    private Pinned pin(Map<Instance, Pinned> pinned, Instance instance) {
        Pinned made = new Pinned(((HttpClientInternal) client).connect(instance.server));
        pinned.put(instance, made);
        made.connection.onComplete(connected -> {
            if (connected.failed()) {
                pinned.remove(instance, made);
            } else {
                HttpClientConnection c = connected.result();
                c.closeHandler(v -> pinned.remove(instance, made));
                c.evictionHandler(v -> pinned.remove(instance, made)); // the instance asked to close it
            }
        });
        return made;
    }

    private static void closeAll(Map<Instance, Pinned> pinned) {
        if (pinned != null) {
            pinned.values().forEach(Pinned::close);
        }
    }

    /** A connection pinned to one client connection and instance; {@code busy} while a request uses it. */
    private static final class Pinned {
        final Future<HttpClientConnection> connection;
        boolean busy;
        long lastUsedNanos;

        Pinned(Future<HttpClientConnection> connection) {
            this.connection = connection;
        }

        void close() {
            connection.onSuccess(HttpClientConnection::close);
        }
    }
}
