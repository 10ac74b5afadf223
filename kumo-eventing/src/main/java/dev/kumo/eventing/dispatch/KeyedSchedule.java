package dev.kumo.eventing.dispatch;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which deliveries may start, for one dispatcher: at most {@code maxInFlight} at once and, per key, one at a time in
 * the order they were added. An item with a key that has one under way (or waiting for a slot) waits behind it; an
 * item without a key ({@link #UNKEYED_ITEM}) is never held back by another. Items ready to start take free slots in
 * the order they became ready, so a key whose delivery retries holds back only its own later items. Pure and not
 * thread-safe: the dispatcher calls it under its lock.
 *
 * @param <T> what a delivery is to the caller
 */
final class KeyedSchedule<T> {

    /** The key of an item that waits for nothing but a free slot (unordered delivery). */
    static final Object UNKEYED_ITEM = new Object();

    private final int maxInFlight;
    /** Keys with an item under way or ready, each with the items that wait behind it, oldest first. */
    private final Map<Object, ArrayDeque<T>> busy = new HashMap<>();
    private final ArrayDeque<T> ready = new ArrayDeque<>();
    private int inFlight;

    KeyedSchedule(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight is " + maxInFlight + ", want >= 1");
        }
        this.maxInFlight = maxInFlight;
    }

    /** Adds {@code item} of {@code key} after every item added before it. */
    void add(Object key, T item) {
        if (key == UNKEYED_ITEM) {
            ready.add(item);
            return;
        }
        ArrayDeque<T> behind = busy.get(key);
        if (behind == null) {
            busy.put(key, new ArrayDeque<>());
            ready.add(item);
        } else {
            behind.add(item);
        }
    }

    /** The next item to start now, counted as under way; empty while every slot is taken or nothing is ready. */
    Optional<T> next() {
        if (inFlight >= maxInFlight || ready.isEmpty()) {
            return Optional.empty();
        }
        inFlight++;
        return Optional.of(ready.poll());
    }

    /** The item of {@code key} under way is over: its slot is free and the next item of its key becomes ready. */
    void done(Object key) {
        if (inFlight == 0) {
            throw new IllegalStateException("done(" + key + ") with nothing under way");
        }
        inFlight--;
        if (key == UNKEYED_ITEM) {
            return;
        }
        ArrayDeque<T> behind = busy.get(key);
        if (behind == null) {
            return;
        }
        T following = behind.poll();
        if (following == null) {
            busy.remove(key);
        } else {
            ready.add(following);
        }
    }

    /** True while an item is ready but has no slot: reading more would only queue more in memory. */
    boolean saturated() {
        return !ready.isEmpty() && inFlight >= maxInFlight;
    }

    int inFlight() {
        return inFlight;
    }

    /** Items added and not yet started (ready or waiting behind their key). */
    int waiting() {
        return ready.size() + busy.values().stream().mapToInt(ArrayDeque::size).sum();
    }
}
