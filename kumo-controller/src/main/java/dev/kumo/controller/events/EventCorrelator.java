package dev.kumo.controller.events;

import dev.kumo.api.events.ObjectReference;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * client-go's EventCorrelator, pure: the same object, type, reason and message from the same component seen again
 * within the window is one Event whose count and last time grow; otherwise a new Event with a new name
 * ({@code OBJECTNAME.HEXNANOS}, as client-go names them). Remembers at most {@code maxKeys} series, the least
 * recently seen forgotten first (client-go's LRU of 4096). Not thread-safe: its owner serializes calls.
 */
final class EventCorrelator {

    /** What makes two Events the same one (client-go's {@code getEventKey}, without the host: Kumo is one). */
    record Key(String component, ObjectReference about, EventRecorder.Type type, String reason, String message) {
    }

    /** An Event as aggregated so far: its name, when first and last seen, and how often. */
    record Series(String name, Instant first, Instant last, int count) {
    }

    private final Duration window;
    private final Map<Key, Series> series;
    private long lastNanos;

    EventCorrelator(Duration window, int maxKeys) {
        this.window = window;
        this.series = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Series> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** The Event {@code key} makes at {@code now}: the series it continues, one more, or a new one. */
    Series observe(Key key, Instant now) {
        Series seen = series.get(key);
        Series next = seen != null && !now.isAfter(seen.last().plus(window))
                ? new Series(seen.name(), seen.first(), now, seen.count() + 1)
                : new Series(key.about().name() + "." + Long.toHexString(uniqueNanos(now)), now, now, 1);
        series.put(key, next);
        return next;
    }

    /** Forgets the series named {@code name} (its Event was pruned): the next occurrence starts a new one. */
    void forget(String name) {
        series.values().removeIf(s -> s.name().equals(name));
    }

    /** Nanoseconds since the epoch, strictly rising, so that two Events of one object never share a name. */
    private long uniqueNanos(Instant now) {
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        lastNanos = Math.max(nanos, lastNanos + 1);
        return lastNanos;
    }
}
