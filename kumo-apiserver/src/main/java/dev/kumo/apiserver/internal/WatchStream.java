package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.store.ResourceStore;
import dev.kumo.store.Watch;
import dev.kumo.store.WatchEvent;
import dev.kumo.store.WatchListener;
import dev.kumo.store.WatchOptions;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Kubernetes watch response: one {@code {"type":…,"object":…}} JSON line per store event, until the client goes
 * away, the timeout passes or the store ends the watch (then an ERROR event with the Status is sent).
 */
public final class WatchStream implements LineStream {

    private final ResourceStore store;
    private final ResourceType type;
    private final WatchOptions options;
    private final Function<ObjectNode, ObjectNode> render;
    private final Optional<Duration> timeout;

    WatchStream(ResourceStore store, ResourceType type, WatchOptions options, Function<ObjectNode, ObjectNode> render,
            Optional<Duration> timeout) {
        this.store = store;
        this.type = type;
        this.options = options;
        this.render = render;
        this.timeout = timeout;
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
    public Handle start(Sink sink) {
        Watch watch = store.watch(type, options, new WatchListener() {
            @Override
            public void onEvent(WatchEvent event) {
                if (event.type() == WatchEvent.Type.BOOKMARK) {
                    return;
                }
                ObjectNode line = Json.object().put("type", event.type().name());
                line.set("object", render.apply(event.object()));
                sink.line(Json.write(line));
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
        return watch::close;
    }

}
