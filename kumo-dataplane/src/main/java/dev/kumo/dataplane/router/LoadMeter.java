package dev.kumo.dataplane.router;

/**
 * The load of one revision as one event loop sees it: requests in the router (held, queued or at an instance)
 * integrated over time, and arrivals, between two roll-ups. Used only on its event loop, so plain fields suffice
 * (the hot path takes no lock and allocates nothing); the in-flight gauge reads {@link #inFlight()} racily.
 * Times are {@link System#nanoTime()} values passed in, so tests drive it with a manual clock.
 */
final class LoadMeter {

    private int inFlight;
    private long lastChange;
    private long windowStart;
    private long busyNanos;
    private long arrivals;
    /** The one thread that writes this meter: checked with assertions on (tests), free without. */
    private Thread owner;

    LoadMeter(long nowNanos) {
        lastChange = nowNanos;
        windowStart = nowNanos;
    }

    /** A request of the revision arrived. */
    void arrive(long nowNanos) {
        assert ownedByCaller();
        advance(nowNanos);
        inFlight++;
        arrivals++;
    }

    /** A request of the revision ended (answered, failed or abandoned). */
    void leave(long nowNanos) {
        assert ownedByCaller();
        advance(nowNanos);
        inFlight--;
    }

    int inFlight() {
        return inFlight;
    }

    /** Closes the window at {@code nowNanos}, returns it, and starts the next one. */
    LoadWindow rollUp(long nowNanos) {
        assert ownedByCaller();
        advance(nowNanos);
        LoadWindow window = new LoadWindow(busyNanos, nowNanos - windowStart, arrivals);
        busyNanos = 0;
        arrivals = 0;
        windowStart = nowNanos;
        return window;
    }

    /**
     * Whether the calling thread is the meter's one writer (the first caller becomes it): two event loops sharing a
     * meter, as the Netty front's own loops and the Vert.x router's would in one slot, lose counts silently.
     */
    private boolean ownedByCaller() {
        Thread caller = Thread.currentThread();
        if (owner == null) {
            owner = caller;
        }
        if (owner != caller) {
            throw new AssertionError("a load meter written by " + caller.getName() + " and " + owner.getName()
                    + ": each event loop needs a slot of its own (Gates.meterSlots)");
        }
        return true;
    }

    private void advance(long nowNanos) {
        busyNanos += inFlight * (nowNanos - lastChange);
        lastChange = nowNanos;
    }
}
