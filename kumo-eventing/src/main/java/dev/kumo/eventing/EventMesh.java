package dev.kumo.eventing;

import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.BrokerSpec;
import dev.kumo.eventing.api.ChannelRef;
import dev.kumo.eventing.api.ChannelSubscriber;
import dev.kumo.eventing.api.DeliveryNotices;
import dev.kumo.eventing.api.DeliverySpec;
import dev.kumo.eventing.api.MeshConfig;
import dev.kumo.eventing.api.MeshCounters;
import dev.kumo.eventing.api.TriggerRef;
import dev.kumo.eventing.api.TriggerSpec;
import dev.kumo.eventing.delivery.Delivery;
import dev.kumo.eventing.delivery.EventCounters;
import dev.kumo.eventing.dispatch.Dispatchers;
import dev.kumo.eventing.dispatch.LocalChannels;
import dev.kumo.eventing.dispatch.ReplyRoute;
import dev.kumo.eventing.dispatch.Route;
import dev.kumo.eventing.ingress.IngressServer;
import dev.kumo.eventing.log.EventLog;
import dev.kumo.eventing.log.Retention;
import dev.kumo.eventing.tracing.EventTracing;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The eventing data plane, assembled: the durable {@link EventLog}, the ingress in front of it and a dispatcher per
 * Trigger behind it. Channels (InMemoryChannels) are served the same way: their events go to the same log under their
 * own stream, each channel subscriber is a dispatcher like a Trigger's that passes every event and sends replies on
 * to its reply URI. Reconcilers feed it the Brokers and Triggers they read from the store; it holds no other state
 * than the log. Thread-safe.
 */
public final class EventMesh implements AutoCloseable {

    private static final long SAVE_POSITIONS_MS = 50;
    private static final long PRUNE_MS = 1_000;

    private final Vertx vertx;
    private final MeshConfig config;
    private final EventCounters counters;
    private final EventLog log;
    private final Dispatchers dispatchers;
    private final LocalChannels localChannels;
    private volatile IngressServer ingress;
    private final Map<BrokerRef, BrokerSpec> brokers = new ConcurrentHashMap<>();
    private final Map<TriggerRef, TriggerSpec> triggers = new ConcurrentHashMap<>();
    private final Map<ChannelRef, Set<String>> channels = new ConcurrentHashMap<>();
    private final List<Consumer<TriggerRef>> problemListeners = new CopyOnWriteArrayList<>();
    private final List<DeliveryNotices> deliveryListeners = new CopyOnWriteArrayList<>();
    private long saveTimer;
    private long pruneTimer;

    private EventMesh(Vertx vertx, MeshConfig config, InstantSource clock, EventCounters counters, EventLog log) {
        this.vertx = vertx;
        this.config = config;
        this.counters = counters;
        this.log = log;
        this.localChannels = new LocalChannels(log, clock, config.host(), config.maxEventBytes(), this::accepts);
        this.dispatchers = new Dispatchers(vertx, log, clock, counters, config.maxInFlightPerTrigger(),
                config.readAheadEvents(), config.deliveryEngine(), localChannels, EventTracing.of(config.openTelemetry()),
                trigger -> problemListeners.forEach(listener -> listener.accept(trigger)), new DeliveryNotices() {
                    @Override
                    public void delivered(TriggerRef trigger, URI subscriber) {
                        deliveryListeners.forEach(l -> l.delivered(trigger, subscriber));
                    }

                    @Override
                    public void deadLettered(TriggerRef trigger, URI subscriber, int status, URI sink) {
                        deliveryListeners.forEach(l -> l.deadLettered(trigger, subscriber, status, sink));
                    }

                    @Override
                    public void failed(TriggerRef trigger, URI subscriber, int status, String why) {
                        deliveryListeners.forEach(l -> l.failed(trigger, subscriber, status, why));
                    }

                    @Override
                    public void attempted(BrokerRef broker, TriggerRef trigger, int status, Duration took) {
                        deliveryListeners.forEach(l -> l.attempted(broker, trigger, status, took));
                    }
                });
    }

    /** Opens the log at {@code config.database()} and starts the ingress; no broker exists until upserted. */
    public static EventMesh start(Vertx vertx, MeshConfig config, InstantSource clock) {
        EventLog log = EventLog.open(config.database(), config.fsync(),
                new Retention(config.retainFinished(), config.retainFinishedEvents()), clock);
        try {
            EventMesh mesh = new EventMesh(vertx, config, clock, new EventCounters(), log);
            mesh.listen(clock);
            return mesh;
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    /** Starts the ingress and the timers that save positions and prune the log. */
    private void listen(InstantSource clock) {
        ingress = IngressServer.start(vertx, config.host(), config.port(), config.maxEventBytes(), log,
                this::accepts, clock, counters, config.limits(), EventTracing.of(config.openTelemetry()));
        localChannels.listening(ingress.port());
        saveTimer = vertx.setPeriodic(SAVE_POSITIONS_MS, id -> dispatchers.savePositions());
        pruneTimer = vertx.setPeriodic(PRUNE_MS, id -> log.prune());
    }

    /** Creates or updates a Broker: its ingress path answers from now on, its delivery applies to its Triggers. */
    public void upsertBroker(BrokerSpec spec) {
        brokers.put(spec.ref(), spec);
        triggers.values().stream().filter(t -> t.brokerRef().equals(spec.ref())).forEach(this::route);
    }

    /** Removes a Broker: its ingress answers 404; its Triggers stay until removed (they get no new events). */
    public void removeBroker(BrokerRef ref) {
        brokers.remove(ref);
    }

    /** Creates or updates a Trigger; a new one gets the events that arrive from now on, a known one resumes. */
    public void upsertTrigger(TriggerSpec spec) {
        triggers.put(spec.ref(), spec);
        route(spec);
    }

    /** Removes a Trigger: deliveries under way stop, its position is forgotten. */
    public void removeTrigger(TriggerRef ref) {
        triggers.remove(ref);
        dispatchers.remove(ref);
    }

    /** The URL events for {@code ref} are POSTed to, while the Broker exists. */
    public Optional<URI> brokerAddress(BrokerRef ref) {
        if (!brokers.containsKey(ref)) {
            return Optional.empty();
        }
        return Optional.of(URI.create("http://" + config.host() + ":" + port() + "/" + ref.namespace() + "/"
                + ref.name()));
    }

    /** Creates a channel: its ingress path answers from now on. */
    public void upsertChannel(ChannelRef ref) {
        channels.computeIfAbsent(ref, r -> ConcurrentHashMap.newKeySet());
    }

    /** Removes a channel and its subscribers: its ingress answers 404, their positions are forgotten. */
    public void removeChannel(ChannelRef ref) {
        Set<String> subscribers = channels.remove(ref);
        localChannels.forget(ref);
        if (subscribers != null) {
            subscribers.forEach(uid -> dispatchers.remove(ref.subscriber(uid)));
        }
    }

    /**
     * Creates or updates one subscriber of a channel (by its Subscription's uid): a new one gets the events that arrive
     * from now on, a known one resumes; every event passes, a reply goes to its reply URI.
     */
    public void upsertSubscriber(ChannelRef channel, ChannelSubscriber subscriber) {
        channels.computeIfAbsent(channel, r -> ConcurrentHashMap.newKeySet()).add(subscriber.uid());
        Delivery delivery = Delivery.resolve(subscriber.delivery(), DeliverySpec.NONE, DeliverySpec.NONE,
                config.defaultAttemptTimeout());
        // A Subscription with a reply only forwards each event to it as it is.
        Route route = subscriber.subscriber().isPresent()
                ? new Route(event -> true, subscriber.subscriber().get(), delivery,
                        subscriber.reply().<ReplyRoute>map(ReplyRoute.ToUri::new).orElse(ReplyRoute.DROP),
                        subscriber.order())
                : new Route(event -> true, subscriber.reply().orElseThrow(), delivery, ReplyRoute.DROP,
                        subscriber.order());
        dispatchers.upsert(channel.subscriber(subscriber.uid()), channel.stream(), route);
    }

    /** Removes one subscriber of a channel: deliveries under way stop, its position is forgotten. */
    public void removeSubscriber(ChannelRef channel, String uid) {
        Set<String> subscribers = channels.get(channel);
        if (subscribers != null) {
            subscribers.remove(uid);
        }
        dispatchers.remove(channel.subscriber(uid));
    }

    /** The uids of {@code channel}'s subscribers the mesh serves. */
    public Set<String> subscribers(ChannelRef channel) {
        return Set.copyOf(channels.getOrDefault(channel, Set.of()));
    }

    /** The URL events for {@code ref} are POSTed to, while the channel exists. */
    public Optional<URI> channelAddress(ChannelRef ref) {
        if (!channels.containsKey(ref)) {
            return Optional.empty();
        }
        return Optional.of(URI.create("http://" + config.host() + ":" + port() + "/channels/" + ref.namespace()
                + "/" + ref.name()));
    }

    /** The ingress port actually bound. */
    public int port() {
        return ingress.port();
    }

    /** Registers a listener told of each delivery's end: delivered, at a dead-letter sink, or given up. */
    public void onDeliveryEnd(DeliveryNotices listener) {
        deliveryListeners.add(listener);
    }

    /**
     * Why {@code ref}'s dispatcher cannot move on (it keeps trying: the log cannot be read, or an error it cannot
     * pin on one event); empty while it delivers.
     */
    public Optional<String> dispatchProblem(TriggerRef ref) {
        return dispatchers.problem(ref);
    }

    /** How many Triggers have a {@link #dispatchProblem} now. */
    public long stuckTriggers() {
        return triggers.keySet().stream().filter(ref -> dispatchers.problem(ref).isPresent()).count();
    }

    /** Calls {@code listener} with a Trigger whose {@link #dispatchProblem} started or ended (keep it short). */
    public void onDispatchProblem(Consumer<TriggerRef> listener) {
        problemListeners.add(listener);
    }

    public MeshCounters counters() {
        return counters.snapshot();
    }

    /** Stops the ingress, lets deliveries under way finish briefly, saves the positions and closes the log. */
    @Override
    public void close() {
        ingress.close();
        vertx.cancelTimer(saveTimer);
        vertx.cancelTimer(pruneTimer);
        dispatchers.close();
        log.close();
    }

    private boolean accepts(BrokerRef stream) {
        return ChannelRef.ofStream(stream).map(channels::containsKey).orElseGet(() -> brokers.containsKey(stream));
    }

    private void route(TriggerSpec spec) {
        DeliverySpec brokerDelivery = Optional.ofNullable(brokers.get(spec.brokerRef())).map(BrokerSpec::delivery)
                .orElse(DeliverySpec.NONE);
        Delivery delivery = Delivery.resolve(spec.delivery(), brokerDelivery, config.defaultDelivery(),
                config.defaultAttemptTimeout());
        dispatchers.upsert(spec.ref(), spec.brokerRef(), new Route(spec.filter(), spec.subscriber(), delivery,
                ReplyRoute.INTO_BROKER, spec.order()));
    }
}
