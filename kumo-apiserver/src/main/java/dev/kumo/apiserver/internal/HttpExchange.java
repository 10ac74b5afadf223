package dev.kumo.apiserver.internal;

import dev.kumo.api.codec.Json;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.http.ErrorAnswer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/** Moves one request between Vert.x and the handler: a size-limited body in, a body or a line stream out. */
public final class HttpExchange {

    /** What the listener's own answers (malformed or timed-out requests) carry: a Kubernetes Status. */
    public static final ErrorAnswer STATUS_ANSWER = (status, message) -> new ErrorAnswer.Body("application/json",
            Json.writeBytes(StatusBodies.failure(status, message)));

    private HttpExchange() {
    }

    /** Reads the body (refusing more than {@code maxBodyBytes}), answers on a worker, writes on the event loop. */
    public static void serve(HttpServerRequest request, ApiHandler handler, ExecutorService workers,
            int maxBodyBytes) {
        Context context = Vertx.currentContext();
        if (WatchSocket.asked(request)) {
            WatchSocket.serve(request, handler, workers, context);
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && parseLong(length) > maxBodyBytes) {
            tooLarge(request, maxBodyBytes);
            return;
        }
        Buffer body = Buffer.buffer();
        AtomicBoolean refused = new AtomicBoolean();
        request.handler(chunk -> {
            if (refused.get()) {
                return;
            }
            if (body.length() + chunk.length() > maxBodyBytes) {
                refused.set(true);
                tooLarge(request, maxBodyBytes);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(done -> {
            if (refused.get()) {
                return;
            }
            ApiRequest apiRequest;
            try {
                apiRequest = toApiRequest(request, body.getBytes());
            } catch (ApiException e) {
                refuse(request, e, context);
                return;
            }
            workers.execute(() -> {
                Reply reply = handler.handle(apiRequest);
                context.runOnContext(v -> write(request.response(), reply, context));
            });
        });
    }

    /** Answers a request that could not be read (a malformed percent-encoding) with its Status. */
    static void refuse(HttpServerRequest request, ApiException e, Context context) {
        write(request.response(), Reply.Body.json(e.code(), StatusBodies.failure(e, "")), context);
    }

    static void write(HttpServerResponse response, Reply reply, Context context) {
        switch (reply) {
            case Reply.Body body -> {
                response.setStatusCode(body.status()).putHeader("Content-Type", body.contentType());
                body.warnings().forEach(w -> response.headers().add("Warning", "299 - \""
                        + w.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
                response.end(Buffer.buffer(body.bytes()));
            }
            case Reply.Stream stream -> stream(response, stream.stream(), context);
        }
    }

    private static void stream(HttpServerResponse response, LineStream stream, Context context) {
        response.setStatusCode(200).setChunked(true).putHeader("Content-Type", stream.contentType());
        response.write("");
        AtomicBoolean ended = new AtomicBoolean();
        LineStream.Handle handle;
        try {
            handle = ContextSink.start(stream, context, ended, line -> response.write(line + "\n"), response::end);
        } catch (ApiException e) {
            response.write(stream.failureLine(e) + "\n");
            response.end();
            return;
        }
        response.closeHandler(v -> handle.close());
        stream.timeout().ifPresent(timeout -> context.owner().setTimer(Math.max(1, timeout.toMillis()),
                id -> handle.close()));
    }

    private static void tooLarge(HttpServerRequest request, int maxBodyBytes) {
        ApiException e = new ApiException(StatusReason.RequestEntityTooLarge, "the request body is larger than "
                + maxBodyBytes + " bytes", "", "", List.of());
        request.handler(ignored -> { });
        request.response().setStatusCode(413).putHeader("Content-Type", "application/json")
                .end(Json.write(StatusBodies.failure(e, "")));
    }

    static ApiRequest toApiRequest(HttpServerRequest request, byte[] body) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        String raw = request.query();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String key = PercentDecoding.queryPart(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : PercentDecoding.queryPart(pair.substring(equals + 1));
                query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach(entry -> headers.merge(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue(),
                (a, b) -> a + "," + b));
        return new ApiRequest(request.method().name(), request.path(), query, headers, body);
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
