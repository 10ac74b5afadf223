package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.store.ResourceList;
import dev.kumo.store.ResourceStore;
import dev.kumo.store.Watch;
import dev.kumo.store.WatchEvent;
import dev.kumo.store.WatchListener;
import dev.kumo.store.WatchOptions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A Kubernetes watch response: one {@code {"type":…,"object":…}} JSON line per store event, until the client goes
 * away, the timeout passes or the store ends the watch (then an ERROR event with the Status is sent). The one
 * encoder of watch events, whichever the transport (chunked lines, or WebSocket messages: {@link WatchSocket}).
 *
 * <p>With {@code allowWatchBookmarks} on a watch resumed from a resourceVersion (an informer's), a BOOKMARK carrying
 * the resourceVersion of the last event sent (or the one resumed from) is sent every {@link #BOOKMARK_INTERVAL}, as
 * Kubernetes' watch cache does, so the client resumes from there rather than from an older version that may be
 * gone. A watch without a resourceVersion gets none: its first events are the current objects, in no version order.
 *
 * <p>With {@code sendInitialEvents} (client-go's watch-list: an informer's list as a watch), the current objects come
 * first as ADDED, then a BOOKMARK at the version they were read at, annotated {@code k8s.io/initial-events-end:
 * "true"}, then the changes after it, with periodic bookmarks.
 */
public final class WatchStream implements LineStream {

    /** The annotation on the BOOKMARK that ends a watch-list's initial events. */
    static final String INITIAL_EVENTS_END = "k8s.io/initial-events-end";

    /** About Kubernetes' own bookmark period (its watch cache sends one roughly each minute). */
    static final Duration BOOKMARK_INTERVAL = Duration.ofMinutes(1);

    private final ResourceStore store;
    private final ResourceType type;
    private final WatchOptions options;
    private final Function<ObjectNode, ObjectNode> render;
    private final Optional<Duration> timeout;
    private final Optional<Duration> bookmarks;
    private final boolean initialEvents;

    /** A watch of {@code type}; {@code bookmarks}: how often to send a BOOKMARK, when the client allows them. */
    WatchStream(ResourceStore store, ResourceType type, WatchOptions options, Function<ObjectNode, ObjectNode> render,
            Optional<Duration> timeout, Optional<Duration> bookmarks) {
        this(store, type, options, render, timeout, bookmarks, false);
    }

    /** The same, sending the current objects first and the initial-events-end bookmark when {@code initialEvents}. */
    WatchStream(ResourceStore store, ResourceType type, WatchOptions options, Function<ObjectNode, ObjectNode> render,
            Optional<Duration> timeout, Optional<Duration> bookmarks, boolean initialEvents) {
        this.store = store;
        this.type = type;
        this.options = options;
        this.render = render;
        this.timeout = timeout;
        this.initialEvents = initialEvents;
        this.bookmarks = options.sinceResourceVersion().isPresent() || initialEvents ? bookmarks : Optional.empty();
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public Optional<Duration> timeout() {
        return timeout;
    }

    /** Too old a resourceVersion: Kubernetes answers 200 and one ERROR event carrying the Status. */
    @Override
    public String failureLine(ApiException e) {
        return "{\"type\":\"ERROR\",\"object\":" + Json.write(StatusBodies.failure(e, type.group())) + "}";
    }

    @Override
    public boolean watch() {
        return true;
    }

    @Override
    public Handle start(Sink sink) {
        AtomicLong lastSent = new AtomicLong(options.sinceResourceVersion().orElse(0L));
        WatchOptions from = initialEvents ? sendInitialEvents(sink, lastSent) : options;
        Watch watch = store.watch(type, from, new WatchListener() {
            @Override
            public void onEvent(WatchEvent event) {
                if (event.type() == WatchEvent.Type.BOOKMARK) {
                    return;
                }
                ObjectNode line = Json.object().put("type", event.type().name());
                line.set("object", render.apply(event.object()));
                // The sink keeps order: a bookmark read after this line is queued goes after it.
                synchronized (lastSent) {
                    sink.line(Json.write(line));
                    lastSent.set(Math.max(lastSent.get(), resourceVersionOf(event.object())));
                }
            }

            @Override
            public void closed(Optional<ApiException> reason) {
                reason.ifPresent(e -> {
                    ObjectNode line = Json.object().put("type", "ERROR");
                    line.set("object", StatusBodies.failure(e, type.group()));
                    sink.line(Json.write(line));
                });
                sink.end();
            }
        });
        Optional<Thread> bookmarker = bookmarks.map(every -> Thread.ofVirtual().name("watch-bookmarks")
                .start(() -> sendBookmarks(sink, lastSent, every)));
        return () -> {
            bookmarker.ifPresent(Thread::interrupt);
            watch.close();
        };
    }

    /** The current objects as ADDED, then the bookmark that ends them; the watch goes on from their version. */
    private WatchOptions sendInitialEvents(Sink sink, AtomicLong lastSent) {
        ResourceList current = store.list(type, options.filter());
        for (ObjectNode object : current.items()) {
            ObjectNode line = Json.object().put("type", WatchEvent.Type.ADDED.name());
            line.set("object", render.apply(object));
            sink.line(Json.write(line));
        }
        lastSent.set(current.resourceVersion());
        ObjectNode object = bookmarkObject(current.resourceVersion());
        ((ObjectNode) object.get("metadata")).putObject("annotations").put(INITIAL_EVENTS_END, "true");
        ObjectNode line = Json.object().put("type", "BOOKMARK");
        line.set("object", object);
        sink.line(Json.write(line));
        return new WatchOptions(options.filter(), Optional.of(current.resourceVersion()));
    }

    private ObjectNode bookmarkObject(long resourceVersion) {
        ObjectNode object = Json.object().put("kind", type.kind()).put("apiVersion", type.apiVersion());
        object.putObject("metadata").put("resourceVersion", Long.toString(resourceVersion));
        return object;
    }

    private void sendBookmarks(Sink sink, AtomicLong lastSent, Duration every) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(every);
                synchronized (lastSent) {
                    ObjectNode object = bookmarkObject(lastSent.get());
                    ObjectNode line = Json.object().put("type", "BOOKMARK");
                    line.set("object", object);
                    sink.line(Json.write(line));
                }
            }
        } catch (InterruptedException e) {
            // The watch ended.
        }
    }

    private static long resourceVersionOf(ObjectNode object) {
        String value = object.path("metadata").path("resourceVersion").asText("");
        try {
            return value.isEmpty() ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
