package dev.kumo.apiserver.internal;

import dev.kumo.api.errors.ApiException;
import io.vertx.core.Context;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A watch over a WebSocket, as fabric8's kubernetes-client opens its watches and informers: a {@code GET} with
 * {@code Upgrade: websocket} is answered as any request (an error is an HTTP Status, never a 101); a watch is
 * answered 101 and each event sent as one text message — the same JSON as a line of the chunked watch — until the
 * client closes, the timeout passes (a normal close) or the store ends the watch (an ERROR event, then a close), as
 * Kubernetes' API server does. The client sends nothing: what it sends is dropped. A client asking for one of
 * Kubernetes' stream subprotocols gets it named in the 101, and still text messages, as Kubernetes answers a watch.
 */
public final class WatchSocket {

    /** The subprotocols a watch's 101 names when the client asks for one. */
    public static final List<String> SUBPROTOCOLS = List.of("base64.binary.k8s.io", "binary.k8s.io");

    /** Kubernetes closes a finished watch with a normal closure. */
    private static final short NORMAL_CLOSURE = 1000;

    private WatchSocket() {
    }

    /** Whether {@code request} asks to upgrade to a WebSocket. */
    static boolean asked(HttpServerRequest request) {
        return request.method() == HttpMethod.GET && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    }

    /** Answers on a worker; upgrades on the event loop only when the answer is a watch. */
    static void serve(HttpServerRequest request, ApiHandler handler, ExecutorService workers, Context context) {
        // Paused until the answer is known: toWebSocket reads the (empty) request to its end itself.
        request.pause();
        ApiRequest apiRequest;
        try {
            apiRequest = HttpExchange.toApiRequest(request, new byte[0]);
        } catch (ApiException e) {
            request.resume();
            HttpExchange.refuse(request, e, context);
            return;
        }
        workers.execute(() -> {
            Reply reply = handler.handle(apiRequest);
            context.runOnContext(v -> {
                if (reply instanceof Reply.Stream stream && stream.stream().watch()) {
                    request.toWebSocket().onSuccess(socket -> send(socket, stream.stream(), context))
                            .onFailure(e -> request.connection().close());
                } else {
                    request.resume();
                    HttpExchange.write(request.response(), reply, context);
                }
            });
        });
    }

    private static void send(ServerWebSocket socket, LineStream watch, Context context) {
        AtomicBoolean ended = new AtomicBoolean();
        socket.handler(ignored -> { });
        LineStream.Handle handle;
        try {
            handle = ContextSink.start(watch, context, ended, socket::writeTextMessage,
                    () -> socket.close(NORMAL_CLOSURE));
        } catch (ApiException e) {
            ended.set(true);
            socket.writeTextMessage(watch.failureLine(e)).onComplete(written -> socket.close(NORMAL_CLOSURE));
            return;
        }
        socket.closeHandler(v -> {
            ended.set(true);
            handle.close();
        });
        watch.timeout().ifPresent(timeout -> context.owner().setTimer(Math.max(1, timeout.toMillis()),
                id -> handle.close()));
    }
}
