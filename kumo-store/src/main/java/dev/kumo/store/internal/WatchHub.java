package dev.kumo.store.internal;

import dev.kumo.api.errors.ApiException;
import dev.kumo.store.Watch;
import dev.kumo.store.WatchEvent;
import dev.kumo.store.WatchListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Fans committed changes out to watches and remembers the last N of them, so a watch can resume from any
 * resourceVersion inside that window; older ones are Gone. A watcher that falls too far behind is closed.
 */
final class WatchHub {

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<HubEvent> window = new ArrayDeque<>();
    private final Set<Subscriber> subscribers = new LinkedHashSet<>();
    private final int windowEvents;
    private final int queueEvents;
    private long oldestResumable;
    private boolean closed;

    /** A hub whose window starts at {@code resourceVersion}: watches may resume from it or anything later. */
    WatchHub(long resourceVersion, int windowEvents, int queueEvents) {
        this.oldestResumable = resourceVersion;
        this.windowEvents = windowEvents;
        this.queueEvents = queueEvents;
    }

    /** Hands committed changes, in resourceVersion order, to every watch; never blocks on a watcher. */
    void publish(List<HubEvent> changes) {
        lock.lock();
        try {
            for (HubEvent change : changes) {
                window.addLast(change);
                if (window.size() > windowEvents) {
                    oldestResumable = window.removeFirst().resourceVersion();
                }
                for (Iterator<Subscriber> it = subscribers.iterator(); it.hasNext(); ) {
                    Subscriber subscriber = it.next();
                    if (!subscriber.offer(change)) {
                        it.remove();
                        subscriber.end(Optional.of(ApiException.gone("watch closed: the watcher fell more than "
                                + queueEvents + " events behind, at resource version " + change.resourceVersion())));
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts a watch that delivers {@code initial}, then the remembered changes after {@code since} that the filter
     * lets through, then live ones. Gone (Expired) if changes after {@code since} are no longer remembered.
     */
    Watch subscribe(WatchFilter filter, long since, List<WatchEvent> initial, WatchListener listener) {
        lock.lock();
        try {
            if (closed) {
                throw StoreClosed.exception();
            }
            if (since < oldestResumable) {
                throw ApiException.gone("too old resource version: " + since + " (" + oldestResumable + ")");
            }
            List<WatchEvent> backlog = new ArrayList<>(initial);
            backlog.addAll(rememberedAfter(since, filter));
            Subscriber subscriber = new Subscriber(this, filter, since, backlog, queueEvents, listener);
            subscribers.add(subscriber);
            subscriber.start();
            return subscriber;
        } finally {
            lock.unlock();
        }
    }

    /** Stops one watch; its listener hears {@code closed(reason)}. */
    void remove(Subscriber subscriber, Optional<ApiException> reason) {
        lock.lock();
        try {
            subscribers.remove(subscriber);
            subscriber.end(reason);
        } finally {
            lock.unlock();
        }
    }

    /** Stops every watch and refuses new ones. */
    void close() {
        lock.lock();
        try {
            closed = true;
            subscribers.forEach(s -> s.end(Optional.of(StoreClosed.exception())));
            subscribers.clear();
        } finally {
            lock.unlock();
        }
    }

    private List<WatchEvent> rememberedAfter(long since, WatchFilter filter) {
        List<WatchEvent> events = new ArrayList<>();
        for (Iterator<HubEvent> it = window.descendingIterator(); it.hasNext(); ) {
            HubEvent change = it.next();
            if (change.resourceVersion() <= since) {
                break;
            }
            filter.apply(change).ifPresent(events::add);
        }
        Collections.reverse(events);
        return events;
    }
}
