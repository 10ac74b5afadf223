package dev.kumo.controller.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.events.EventSeries;
import dev.kumo.api.events.EventSource;
import dev.kumo.api.events.EventTimes;
import dev.kumo.api.events.ObjectReference;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.controller.manager.Component;
import dev.kumo.store.DeleteOptions;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Kumo's Events, kept in the store as core v1 Events: recorders ({@link #recorder}) aggregate what they are told
 * ({@link EventCorrelator}) and leave the write to one background thread, which writes what gathered since its last
 * turn as one batch (an Event recorded ten times between two turns is written once, with count 10) and prunes
 * Events by count and age ({@link EventRetention}), whoever wrote them. A caller never waits for the store: at most
 * {@value #MAX_PENDING} Events wait to be written; beyond that new ones are dropped and counted, as client-go drops
 * Events when its queue is full.
 */
public final class StoredEvents implements Component, EventRecorders {

    private static final Logger LOG = LoggerFactory.getLogger(StoredEvents.class);
    static final int MAX_PENDING = 1000;
    /** client-go's aggregation window (EventAggregator's {@code maxIntervalInSeconds}) and LRU size. */
    static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int MAX_SERIES = 4096;

    /** How often pending Events are written and how often Events are pruned. */
    public record Timing(Duration flushInterval, Duration pruneInterval) {
        public static final Timing DEFAULTS = new Timing(Duration.ofMillis(200), Duration.ofSeconds(30));
    }

    private static final dev.kumo.api.kinds.Kinds KINDS = dev.kumo.api.registry.BuiltInKinds.all();

    private final ResourceStore store;
    private final InstantSource clock;
    private final EventRetention retention;
    private final Timing timing;
    private final String host;
    private final EventCorrelator correlator = new EventCorrelator(WINDOW, MAX_SERIES);
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private ScheduledExecutorService writer;

    /** A series waiting to be written: what was recorded and how far it has aggregated. */
    private record Pending(EventCorrelator.Key key, EventCorrelator.Series series) {
    }

    public StoredEvents(ResourceStore store, InstantSource clock, EventRetention retention, Timing timing) {
        this.store = store;
        this.clock = clock;
        this.retention = retention;
        this.timing = timing;
        this.host = hostName();
    }

    @Override
    public EventRecorder recorder(String component) {
        return (about, type, reason, message) -> record(component, about, type, reason, message);
    }

    /**
     * Aggregates one occurrence under the lock and keeps only what it needs to be written: building the Event is
     * left to the writer, as callers are the instance listener on the cold-start path, the event loop and the
     * autoscaler's tick.
     */
    private void record(String component, ObjectReference about, EventRecorder.Type type, String reason,
            String message) {
        EventCorrelator.Key key = new EventCorrelator.Key(component, about, type, reason, message);
        synchronized (pending) {
            EventCorrelator.Series series = correlator.observe(key, clock.instant());
            if (!pending.containsKey(series.name()) && pending.size() >= MAX_PENDING) {
                dropped.incrementAndGet();
                return;
            }
            pending.put(series.name(), new Pending(key, series));
        }
    }

    /** The Event a pending series is: about its object, in the default namespace when recorded without one. */
    private ObjectNode event(Pending pending) {
        EventCorrelator.Key key = pending.key();
        EventCorrelator.Series series = pending.series();
        ObjectReference given = key.about();
        ObjectReference about = given.namespace() == null || given.namespace().isEmpty()
                ? new ObjectReference(given.kind(), "default", given.name(), given.uid(), given.apiVersion(),
                        given.resourceVersion(), given.fieldPath()) : given;
        dev.kumo.api.events.Event event = new dev.kumo.api.events.Event("v1", "Event",
                dev.kumo.api.meta.ObjectMeta.of(about.namespace(), series.name()), about, key.reason(),
                key.message(), new EventSource(key.component(), host), EventTimes.seconds(series.first()),
                EventTimes.seconds(series.last()), series.count(), key.type().name(),
                EventTimes.micro(series.first()),
                series.count() > 1 ? new EventSeries(series.count(), EventTimes.micro(series.last())) : null,
                key.reason(), null, key.component(), host);
        return Json.toTree(event);
    }

    @Override
    public void start() {
        writer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("kumo-events").daemon()
                .factory());
        long flush = timing.flushInterval().toMillis();
        writer.scheduleWithFixedDelay(this::flushQuietly, flush, flush, TimeUnit.MILLISECONDS);
        long prune = timing.pruneInterval().toMillis();
        writer.scheduleWithFixedDelay(this::pruneQuietly, 0, prune, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        writer.shutdownNow();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushQuietly();
    }

    /** How many Events were dropped because too many were waiting to be written. */
    public long dropped() {
        return dropped.get();
    }

    /** Writes every pending Event: a new one is created, a continued one replaces what is stored. */
    void flush() {
        List<Pending> batch;
        synchronized (pending) {
            batch = List.copyOf(pending.values());
            pending.clear();
        }
        for (Pending series : batch) {
            try {
                write(event(series));
                log(series);
            } catch (RuntimeException e) {
                LOG.warn("writing Event {}: {}", series.series().name(), e.getMessage());
            }
        }
    }

    /**
     * The server's log of what changed, once per written change (not per occurrence): a Warning at WARN, the rest at
     * INFO, with the object's namespace, name and kind in the MDC for {@code --log-format json}.
     */
    private static void log(Pending pending) {
        ObjectReference about = pending.key().about();
        String object = about.kind().toLowerCase(java.util.Locale.ROOT) + " "
                + (about.namespace() == null || about.namespace().isEmpty() ? "" : about.namespace() + "/")
                + about.name();
        String count = pending.series().count() > 1 ? " (x" + pending.series().count() + ")" : "";
        try (var ns = MDC.putCloseable("namespace", about.namespace() == null ? "" : about.namespace());
             var name = MDC.putCloseable("name", about.name());
             var kind = MDC.putCloseable("kind", about.kind())) {
            if (pending.key().type() == EventRecorder.Type.Warning) {
                LOG.warn("{}: {}{}: {}", object, pending.key().reason(), count, pending.key().message());
            } else {
                LOG.info("{}: {}{}: {}", object, pending.key().reason(), count, pending.key().message());
            }
        }
    }

    /** Deletes the Events {@link EventRetention} says are too old or too many. */
    void prune() {
        List<ObjectNode> events = store.list(ResourceTypes.EVENT, ListOptions.ALL).items();
        for (ObjectNode event : retention.expired(events, clock.instant())) {
            String name = event.path("metadata").path("name").asText();
            synchronized (pending) {
                correlator.forget(name);
            }
            try {
                store.delete(ResourceTypes.EVENT, event.path("metadata").path("namespace").asText(), name,
                        DeleteOptions.DEFAULT);
            } catch (ApiException e) {
                if (e.reason() != StatusReason.NotFound) {
                    throw e;
                }
            }
        }
    }

    private void write(ObjectNode event) {
        withUid(event);
        boolean continued = event.path("count").asInt(1) > 1;
        try {
            if (continued) {
                store.update(ResourceTypes.EVENT, event);
            } else {
                store.create(ResourceTypes.EVENT, event);
            }
        } catch (ApiException e) {
            if (e.reason() == StatusReason.NotFound) {
                store.create(ResourceTypes.EVENT, event); // pruned meanwhile: the series goes on as a new object
            } else if (e.reason() == StatusReason.AlreadyExists) {
                store.update(ResourceTypes.EVENT, event);
            } else {
                throw e;
            }
        }
    }

    /**
     * Fills in the uid of an involved object recorded without one (a Revision known by name to the runtime), as
     * {@code kubectl describe} selects an object's Events by uid.
     */
    private void withUid(ObjectNode event) {
        ObjectNode about = (ObjectNode) event.path("involvedObject");
        if (!about.path("uid").asText("").isEmpty()) {
            return;
        }
        KINDS.types().stream().filter(t -> t.apiVersion().equals(about.path("apiVersion").asText())
                        && t.kind().equals(about.path("kind").asText())).findFirst()
                .flatMap(type -> store.get(type, about.path("namespace").asText(""), about.path("name").asText()))
                .ifPresent(object -> about.put("uid", object.path("metadata").path("uid").asText()));
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("writing Events: {}", e.getMessage());
        }
    }

    private void pruneQuietly() {
        try {
            prune();
        } catch (RuntimeException e) {
            LOG.warn("pruning Events: {}", e.getMessage());
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
