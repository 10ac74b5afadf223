package dev.kumo.eventing.ingress;

import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.ChannelRef;
import dev.kumo.eventing.delivery.EventCounters;
import dev.kumo.eventing.http.TraceContext;
import dev.kumo.eventing.log.Encoded;
import dev.kumo.eventing.log.EventLog;
import dev.kumo.eventing.log.LogFailure;
import dev.kumo.eventing.tracing.EventTracing;
import io.opentelemetry.api.trace.Span;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One ingress request, in order: method (OPTIONS answered per the CloudEvents webhook spec, others than POST 405),
 * path {@code /{namespace}/{broker}} of a known broker or {@code /channels/{namespace}/{channel}} of a known channel
 * (404), size (413), the event (400), admission (400), a stored
 * form that reads back (400), then the durable append and 202 — or 507 when the disk is full, 500 when the log failed
 * otherwise, so the sender retries.
 */
final class IngressHandler implements Handler<HttpServerRequest> {

    static final String ALLOW = "POST, OPTIONS";

    private final EventLog log;
    private final Predicate<BrokerRef> brokers;
    private final int maxEventBytes;
    private final InstantSource clock;
    private final EventCounters counters;
    private final EventTracing tracing;

    IngressHandler(EventLog log, Predicate<BrokerRef> brokers, int maxEventBytes, InstantSource clock,
            EventCounters counters, EventTracing tracing) {
        this.tracing = tracing;
        this.log = log;
        this.brokers = brokers;
        this.maxEventBytes = maxEventBytes;
        this.clock = clock;
        this.counters = counters;
    }

    @Override
    public void handle(HttpServerRequest request) {
        if (request.method() == HttpMethod.OPTIONS) {
            answerOptions(request);
            return;
        }
        if (request.method() != HttpMethod.POST) {
            request.response().putHeader("Allow", ALLOW);
            refuse(request, 405, "method " + request.method() + " is not allowed: send events with POST");
            return;
        }
        Optional<BrokerRef> broker = brokerOf(request.path());
        if (broker.isEmpty() || !brokers.test(broker.get())) {
            refuse(request, 404, broker.map(IngressHandler::missing).orElse("no broker or channel at "
                    + request.path() + ": POST events to /{namespace}/{broker} or /channels/{namespace}/{channel}"));
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && parseLength(length) > maxEventBytes) {
            request.response().putHeader("Connection", "close");
            refuse(request, 413, tooLarge());
            return;
        }
        readBody(request, body -> accept(request, broker.get(), body));
    }

    /** The webhook validation handshake: this endpoint accepts events from any origin at any rate. */
    private static void answerOptions(HttpServerRequest request) {
        String origin = request.getHeader("WebHook-Request-Origin");
        request.response()
                .putHeader("Allow", ALLOW)
                .putHeader("WebHook-Allowed-Origin", origin == null ? "*" : origin)
                .putHeader("WebHook-Allowed-Rate", "*")
                .setStatusCode(200)
                .end();
    }

    private void readBody(HttpServerRequest request, Handler<Buffer> then) {
        Buffer body = Buffer.buffer();
        boolean[] tooLarge = {false};
        request.handler(chunk -> {
            if (!tooLarge[0] && body.length() + chunk.length() > maxEventBytes) {
                tooLarge[0] = true;
            } else if (!tooLarge[0]) {
                body.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(e -> request.response().reset());
        request.endHandler(v -> {
            if (tooLarge[0]) {
                refuse(request, 413, tooLarge());
            } else {
                then.handle(body);
            }
        });
    }

    private void accept(HttpServerRequest request, BrokerRef broker, Buffer body) {
        Instant arrival = clock.instant();
        Parsed parsed = EventParser.parse(request.headers(), body, counters.literalPercent::increment);
        // A broker stamps its extensions; a channel stores the event as sent (Knative's channels never mutate it), with
        // the request's W3C trace context — or, traced, the context of its ingress span.
        Span span = Span.getInvalid();
        if (parsed instanceof Parsed.Event event) {
            span = tracing.ingress(broker, request.method().name(), request.path(), request.headers(), event.event());
            parsed = ChannelRef.isChannel(broker) ? new Parsed.Event(TraceContext.carry(event.event(),
                    request.headers())) : Admission.admit(event.event(), arrival);
        }
        if (parsed instanceof Parsed.Event admitted && tracing.on()) {
            parsed = new Parsed.Event(tracing.carrying(admitted.event(), span));
        }
        Encoded storable = null;
        if (parsed instanceof Parsed.Event admitted) {
            try {
                storable = StoredForm.storable(admitted.event());
            } catch (StoredForm.NotStorable e) {
                parsed = new Parsed.Invalid(e.getMessage());
            }
        }
        switch (parsed) {
            case Parsed.Invalid invalid -> {
                EventTracing.ended(span, 400);
                refuse(request, 400, invalid.reason());
            }
            case Parsed.Event admitted -> {
                Context context = Vertx.currentContext();
                Span stored = span;
                log.append(broker, storable, arrival).whenComplete((seq, failure) -> context.runOnContext(
                        v -> EventTracing.ended(stored, answerStored(request, broker, failure))));
            }
        }
    }

    /** Answers whether the event was stored; returns the status sent. */
    private int answerStored(HttpServerRequest request, BrokerRef broker, Throwable failure) {
        if (failure != null) {
            // 507 while the disk is full: the sender may retry, and it will succeed once space is freed.
            int status = failure instanceof LogFailure stored && stored.diskFull() ? 507 : 500;
            request.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("storing the event in broker " + broker + " failed, retry: " + failure.getMessage() + "\n");
            return status;
        }
        counters.accepted.increment();
        request.response().setStatusCode(202).end();
        return 202;
    }

    private void refuse(HttpServerRequest request, int status, String reason) {
        counters.rejected.increment();
        request.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8")
                .end(reason + "\n");
    }

    private String tooLarge() {
        return "the event is larger than " + maxEventBytes + " bytes, the broker's limit (max-event-bytes)";
    }

    private static String missing(BrokerRef stream) {
        return ChannelRef.ofStream(stream).map(channel -> "channel " + channel + " does not exist")
                .orElse("broker " + stream + " does not exist");
    }

    /** The log stream a path names: a broker's {@code /{namespace}/{broker}} or {@code /channels/{ns}/{channel}}. */
    static Optional<BrokerRef> brokerOf(String path) {
        String[] segments = path.split("/", -1);
        if (segments.length == 4 && segments[0].isEmpty() && segments[1].equals("channels")
                && !segments[2].isEmpty() && !segments[3].isEmpty() && !segments[3].contains(":")) {
            return Optional.of(new ChannelRef(segments[2], segments[3]).stream());
        }
        if (segments.length != 3 || !segments[0].isEmpty() || segments[1].isEmpty() || segments[2].isEmpty()
                || segments[2].contains(":")) {
            return Optional.empty();
        }
        return Optional.of(new BrokerRef(segments[1], segments[2]));
    }

    private static long parseLength(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
