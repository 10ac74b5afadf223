package dev.kumo.dataplane.router;

import dev.kumo.dataplane.api.ScalingSignals;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The router's one-second tick: every event loop (the Vert.x router's and the Netty front's) closes its load windows
 * on its own thread; the last one to finish
 * sums them per revision and sends one {@link dev.kumo.autoscaler.metrics.LoadSample} per revision as a scaling signal.
 * The tick also wakes held requests (for {@link dev.kumo.dataplane.api.Endpoints} that do not notify changes) and
 * repeats the demand signal of revisions still holding requests at zero.
 */
final class LoadReporter {

    private final Gates gates;
    private final List<Executor> loops;
    private final ScalingSignals signals;
    private final InstantSource wallClock;
    private final LongSupplier nanoClock;
    private long ticks;
    private long lastSecond = Long.MIN_VALUE;

    /**
     * {@code loops.get(i)} runs tasks on the event loop metering in slot {@code i}: the Vert.x router's loops, then
     * the Netty front's own.
     */
    LoadReporter(Gates gates, List<Executor> loops, ScalingSignals signals, InstantSource wallClock,
            LongSupplier nanoClock) {
        this.gates = gates;
        this.loops = loops;
        this.signals = signals;
        this.wallClock = wallClock;
        this.nanoClock = nanoClock;
    }

    /** Runs one tick; called once a second from one timer. */
    void tick() {
        long tick = ++ticks;
        AtomicInteger remaining = new AtomicInteger(loops.size());
        for (int i = 0; i < loops.size(); i++) {
            int loop = i;
            loops.get(i).execute(() -> {
                long now = nanoClock.getAsLong();
                for (Gates.Entry entry : gates.all()) {
                    entry.stats().load().rollUp(loop, tick, now);
                }
                if (remaining.decrementAndGet() == 0) {
                    report(tick); // the decrement orders every loop's windows before this read
                }
            });
        }
    }

    private synchronized void report(long tick) {
        long second = Math.max(lastSecond + 1, Math.floorDiv(wallClock.millis(), 1000) - 1);
        lastSecond = second;
        long now = nanoClock.getAsLong();
        for (Gates.Entry entry : gates.all()) {
            entry.gate().wake();
            int ready = entry.instances().current().length;
            entry.activator().remind(now, ready);
            entry.stats().load().sample(tick, second, ready > 0)
                    .ifPresent(sample -> signals.load(entry.revision(), sample));
        }
    }
}
