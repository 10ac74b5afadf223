package dev.kumo.eventing.dispatch;

import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.TriggerRef;
import dev.kumo.eventing.delivery.DeadLetters;
import dev.kumo.eventing.delivery.Delivery;
import dev.kumo.eventing.delivery.KnativeExtensions;
import dev.kumo.eventing.log.StoredEvent;
import dev.kumo.eventing.tracing.EventTracing;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event's way to one Trigger's (or channel subscriber's) subscriber: attempts with backoff while they fail
 * retryably, a reply stored back into the broker (failing to store it fails the attempt) or sent on to a channel
 * subscriber's reply URI (same retry rules), then on giving up the dead-letter sink (same retry rules) or a drop that
 * is counted and logged once. Stops quietly when the mesh stops (the event is delivered again later). Traced, each
 * attempt is a span under the Trigger's {@code span}, which ends with the delivery's outcome ({@code stopped} too).
 */
final class EventDispatch {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatch.class);
    /** The names of attempt spans. */
    private static final String DELIVERY = "delivery";
    private static final String REPLY = "reply";
    private static final String DEAD_LETTER = "dead-letter";

    private final Deliverer deliverer;
    private final BrokerRef broker;
    private final TriggerRef trigger;
    private final Route route;
    private final StoredEvent stored;
    private final DeliveryTracker tracker;
    private final Span span;

    EventDispatch(Deliverer deliverer, BrokerRef broker, TriggerRef trigger, Route route, StoredEvent stored,
            DeliveryTracker tracker, Span span) {
        this.span = span;
        this.deliverer = deliverer;
        this.broker = broker;
        this.trigger = trigger;
        this.route = route;
        this.stored = stored;
        this.tracker = tracker;
    }

    void start() {
        CloudEvent event = KnativeExtensions.forSubscriber(stored.event());
        send(new Target(DELIVERY, route.subscriber(), event, true), 1,
                failed -> deadLetter(route.subscriber(), failed), () -> {
                    deliverer.counters().delivered.increment();
                    deliverer.notices().delivered(trigger, route.subscriber());
                    finished("delivered");
                });
    }

    private void send(Target target, int attempt, Consumer<Outcome.Failed> gaveUp, Runnable done) {
        if (!tracker.active()) {
            // The mesh stopped mid-delivery: the span ends, but the tracker is not told the event is done with, so
            // that it is delivered again after a restart.
            spanEnded("stopped");
            return;
        }
        tracker.attemptStarted();
        Delivery delivery = route.delivery();
        EventTracing tracing = deliverer.tracing();
        Span attemptSpan = tracing.attempt(span, target.name(), target.uri(), attempt);
        long started = System.nanoTime();
        deliverer.send(target.uri(), tracing.carrying(target.event(), attemptSpan), delivery.attemptTimeout(),
                        target.expectReply())
                .onSuccess(outcome -> {
                    tracker.attemptEnded();
                    if (target.name().equals(DELIVERY)) {
                        int status = switch (outcome) {
                            case Outcome.Accepted accepted -> accepted.status();
                            case Outcome.Failed failed -> failed.status();
                        };
                        deliverer.notices().attempted(broker, trigger, status,
                                Duration.ofNanos(System.nanoTime() - started));
                    }
                    if (outcome instanceof Outcome.Failed failed) {
                        EventTracing.ended(attemptSpan, failed.status());
                    } else {
                        attemptSpan.end();
                    }
                    guarded(() -> {
                        switch (outcome) {
                            case Outcome.Accepted accepted when accepted.reply().isPresent() ->
                                    storeReply(target, attempt, accepted.reply().get(), attemptSpan, gaveUp, done);
                            case Outcome.Accepted accepted -> done.run();
                            case Outcome.Failed failed -> retryOrGiveUp(target, attempt, failed, gaveUp, done);
                        }
                    });
                });
    }

    private void storeReply(Target target, int attempt, CloudEvent reply, Span attemptSpan,
            Consumer<Outcome.Failed> gaveUp, Runnable done) {
        switch (route.reply()) {
            case ReplyRoute.IntoBroker intoBroker -> intoBroker(target, attempt, reply, attemptSpan, gaveUp, done);
            case ReplyRoute.Drop drop -> done.run();
            // A channel's reply goes on with the same retry rules; failing that, the original is dead-lettered.
            case ReplyRoute.ToUri to -> send(new Target(REPLY, to.uri(), reply, false), 1,
                    failed -> deadLetter(to.uri(), failed), done);
        }
    }

    private void intoBroker(Target target, int attempt, CloudEvent reply, Span attemptSpan,
            Consumer<Outcome.Failed> gaveUp, Runnable done) {
        Span replySpan = deliverer.tracing().reply(attemptSpan, broker, reply);
        CloudEvent traced = deliverer.tracing().carrying(reply, replySpan);
        deliverer.replies().store(broker, stored.event(), traced).whenComplete((v, failure) -> guarded(() -> {
            EventTracing.ended(replySpan, failure == null ? 202 : 500);
            if (failure == null) {
                done.run();
            } else {
                byte[] body = ("storing the reply failed: " + failure.getMessage()).getBytes(StandardCharsets.UTF_8);
                retryOrGiveUp(target, attempt, new Outcome.Failed(500, body, true), gaveUp, done);
            }
        }));
    }

    private void retryOrGiveUp(Target target, int attempt, Outcome.Failed failed, Consumer<Outcome.Failed> gaveUp,
            Runnable done) {
        switch (route.delivery().afterFailure(attempt, failed.retryable(), deliverer.clock().instant())) {
            case Delivery.RetryAt retry -> {
                deliverer.counters().retries.increment();
                long waitMillis = Duration.between(deliverer.clock().instant(), retry.at()).toMillis();
                deliverer.vertx().setTimer(Math.max(1, waitMillis),
                        id -> guarded(() -> send(target, attempt + 1, gaveUp, done)));
            }
            case Delivery.GiveUp giveUp -> gaveUp.accept(failed);
        }
    }

    private void deadLetter(URI destination, Outcome.Failed failed) {
        Optional<URI> sink = route.delivery().deadLetterSink();
        if (sink.isEmpty()) {
            drop(failed, "no dead-letter sink is set");
            return;
        }
        CloudEvent annotated = DeadLetters.annotate(KnativeExtensions.forSubscriber(stored.event()),
                destination, failed.status(), failed.body());
        send(new Target(DEAD_LETTER, sink.get(), annotated, false), 1,
                sinkFailed -> drop(failed, "the dead-letter sink " + sink.get() + " failed too with "
                        + sinkFailed.status()),
                () -> {
                    deliverer.counters().deadLettered.increment();
                    deliverer.notices().deadLettered(trigger, destination, failed.status(), sink.get());
                    finished("dead-lettered");
                });
    }

    private void drop(Outcome.Failed failed, String why) {
        deliverer.counters().dropped.increment();
        deliverer.notices().failed(trigger, route.subscriber(), failed.status(), why);
        LOG.warn("trigger {}: dropped event id={} source={}: delivery to {} failed with {} and {}", trigger,
                stored.event().getId(), stored.event().getSource(), route.subscriber(), failed.status(), why);
        span.setStatus(StatusCode.ERROR, "dropped: " + why);
        finished("dropped");
    }

    /** The delivery is over ({@code outcome}: delivered, dead-lettered, dropped). */
    private void finished(String outcome) {
        spanEnded(outcome);
        tracker.finished();
    }

    /** The Trigger's span ends with the delivery's {@code outcome}. */
    private void spanEnded(String outcome) {
        span.setAttribute("kumo.delivery.outcome", outcome);
        span.end();
    }

    /** Runs a step of this delivery off the pump; what it throws ends the delivery through the tracker. */
    private void guarded(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | StackOverflowError e) {
            span.setStatus(StatusCode.ERROR, e.toString());
            span.end();
            tracker.failed(e);
        }
    }

    /** What an attempt is (its span's name), where it goes, with what, and whether its 200 may carry a reply. */
    private record Target(String name, URI uri, CloudEvent event, boolean expectReply) {
    }
}
