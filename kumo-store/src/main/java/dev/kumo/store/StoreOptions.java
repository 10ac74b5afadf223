package dev.kumo.store;

import java.time.InstantSource;

/**
 * Settings every store shares: the clock stamping creation and deletion times, how many recent events the store
 * remembers for watches resuming from a resourceVersion, and how many undelivered events a watcher may have queued
 * before it is closed as too slow.
 */
public record StoreOptions(InstantSource clock, int watchWindowEvents, int watchQueueEvents) {

    /** The system clock, a window of 10,000 events and 1,000 queued events per watcher. */
    public static final StoreOptions DEFAULTS = new StoreOptions(InstantSource.system(), 10_000, 1_000);

    public StoreOptions {
        if (clock == null) {
            throw new IllegalArgumentException("clock is required");
        }
        if (watchWindowEvents < 1 || watchQueueEvents < 1) {
            throw new IllegalArgumentException("watchWindowEvents (" + watchWindowEvents + ") and watchQueueEvents ("
                    + watchQueueEvents + ") must be at least 1");
        }
    }

    public StoreOptions withClock(InstantSource clock) {
        return new StoreOptions(clock, watchWindowEvents, watchQueueEvents);
    }

    public StoreOptions withWatchWindowEvents(int events) {
        return new StoreOptions(clock, events, watchQueueEvents);
    }

    public StoreOptions withWatchQueueEvents(int events) {
        return new StoreOptions(clock, watchWindowEvents, events);
    }
}
