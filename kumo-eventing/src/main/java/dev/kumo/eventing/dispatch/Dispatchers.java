package dev.kumo.eventing.dispatch;

import dev.kumo.eventing.api.DeliveryEngine;
import dev.kumo.eventing.api.DeliveryNotices;

import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.TriggerRef;
import dev.kumo.eventing.delivery.EventCounters;
import dev.kumo.eventing.log.EventLog;
import dev.kumo.eventing.tracing.EventTracing;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Every Trigger's dispatcher, sharing one pooled client: started, updated and stopped as Triggers come and go. */
public final class Dispatchers implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Map<TriggerRef, TriggerDispatcher> running = new ConcurrentHashMap<>();
    private final EventLog log;
    private final Deliverer deliverer;
    private final int maxInFlight;
    private final int readAhead;
    private final Consumer<TriggerRef> onProblem;

    /** {@code onProblem} is told (on the dispatcher's thread; keep it short) when a Trigger's problem starts or ends. */
    public Dispatchers(Vertx vertx, EventLog log, InstantSource clock, EventCounters counters, int maxInFlight,
            int readAhead, DeliveryEngine engine, LocalChannels local, EventTracing tracing, Consumer<TriggerRef> onProblem,
            DeliveryNotices notices) {
        this.log = log;
        this.onProblem = onProblem;
        this.maxInFlight = maxInFlight;
        this.readAhead = readAhead;
        this.deliverer = new Deliverer(vertx, new SubscriberClient(vertx, maxInFlight, engine), local, new Replies(log, clock,
                counters), counters, clock, notices, tracing);
        log.onAppend(this::wake);
    }

    /**
     * Starts {@code trigger}'s dispatcher at its stored position, or gives a running one its new route; a route of
     * another broker or {@linkplain Route#order() order} starts it again at its stored position.
     */
    public synchronized void upsert(TriggerRef trigger, BrokerRef broker, Route route) {
        TriggerDispatcher current = running.get(trigger);
        if (current != null && current.broker().equals(broker) && current.order() == route.order()) {
            current.update(route);
            return;
        }
        if (current != null) {
            current.stop(Duration.ZERO);
        }
        running.put(trigger, TriggerDispatcher.start(trigger, broker, route, log, deliverer, maxInFlight,
                readAhead, () -> onProblem.accept(trigger)));
    }

    /** Why {@code trigger}'s dispatcher cannot move on; empty while it works or when it is not running. */
    public Optional<String> problem(TriggerRef trigger) {
        return Optional.ofNullable(running.get(trigger)).flatMap(TriggerDispatcher::problem);
    }

    /** Stops {@code trigger}'s dispatcher and forgets its position. */
    public synchronized void remove(TriggerRef trigger) {
        TriggerDispatcher current = running.remove(trigger);
        if (current != null) {
            current.stop(Duration.ZERO);
        }
        log.removeTrigger(trigger);
    }

    /** Hands every moved position to the log (called periodically). */
    public void savePositions() {
        running.values().forEach(TriggerDispatcher::savePosition);
    }

    /** Stops every dispatcher, letting deliveries under way finish for a few seconds, and saves the positions. */
    @Override
    public synchronized void close() {
        running.values().parallelStream().forEach(dispatcher -> dispatcher.stop(STOP_GRACE));
        running.clear();
        deliverer.client().close();
    }

    private void wake(Set<String> brokers) {
        for (TriggerDispatcher dispatcher : running.values()) {
            if (brokers.contains(dispatcher.broker().toString())) {
                dispatcher.wake();
            }
        }
    }
}
