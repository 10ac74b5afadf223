package dev.kumo.store.internal;

import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.store.Watch;
import dev.kumo.store.WatchEvent;
import dev.kumo.store.WatchListener;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One running watch: a backlog (current objects or remembered changes) and a bounded queue of live events, delivered
 * in order to the listener on a virtual thread of its own, then {@code closed} exactly once.
 */
final class Subscriber implements Watch {

    private sealed interface Item {
    }

    private record Deliver(WatchEvent event) implements Item {
    }

    private record End(Optional<ApiException> reason) implements Item {
    }

    private final WatchHub hub;
    private final WatchFilter filter;
    private final long since;
    private final List<WatchEvent> backlog;
    private final WatchListener listener;
    private final BlockingQueue<Item> queue;
    private volatile boolean ended;

    Subscriber(WatchHub hub, WatchFilter filter, long since, List<WatchEvent> backlog, int capacity,
            WatchListener listener) {
        this.hub = hub;
        this.filter = filter;
        this.since = since;
        this.backlog = List.copyOf(backlog);
        this.listener = listener;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    void start() {
        Thread.ofVirtual().name("kumo-watch-" + filter.resource()).start(this::deliver);
    }

    /** Queues a committed change if this watch wants it; false if the queue is full. Called under the hub's lock. */
    boolean offer(HubEvent change) {
        if (change.resourceVersion() <= since) {
            return true;
        }
        Optional<WatchEvent> event = filter.apply(change);
        return event.isEmpty() || queue.offer(new Deliver(event.get()));
    }

    /** Drops what is queued and ends delivery with {@code reason}; only the first call counts. Under the hub's lock. */
    void end(Optional<ApiException> reason) {
        if (ended) {
            return;
        }
        ended = true;
        queue.clear();
        queue.add(new End(reason));
    }

    @Override
    public void close() {
        hub.remove(this, Optional.empty());
    }

    private void deliver() {
        for (WatchEvent event : backlog) {
            if (ended) {
                break;
            }
            notify(event);
        }
        while (true) {
            Item item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                listener.closed(Optional.of(new ApiException(StatusReason.ServiceUnavailable,
                        "watch delivery interrupted", "", "", List.of())));
                return;
            }
            switch (item) {
                case Deliver deliver -> notify(deliver.event());
                case End end -> {
                    listener.closed(end.reason());
                    return;
                }
            }
        }
    }

    private void notify(WatchEvent event) {
        try {
            listener.onEvent(new WatchEvent(event.type(), event.object().deepCopy(), event.resourceVersion()));
        } catch (RuntimeException e) {
            // The listener is broken; end the watch and tell it why through closed() rather than losing events.
            ApiException reason = new ApiException(StatusReason.InternalError,
                    "watch listener failed: " + e.getMessage(), "", "", List.of());
            reason.initCause(e);
            hub.remove(this, Optional.of(reason));
        }
    }
}
