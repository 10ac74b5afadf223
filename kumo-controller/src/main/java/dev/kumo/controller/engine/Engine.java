package dev.kumo.controller.engine;

import dev.kumo.store.ResourceStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Runs controllers over a store: each has its watches, a deduplicating queue and workers on virtual threads; one
 * timer thread releases retries and requeues when the clock says they are due and triggers the periodic resync.
 * Register every controller, then {@link #start()}; {@link #close()} stops everything.
 */
public final class Engine implements AutoCloseable {

    /** Longest the timer waits without looking at the clock, so a clock set by hand is noticed without a wake. */
    private static final Duration MAX_TIMER_WAIT = Duration.ofMillis(200);

    private final ResourceStore store;
    private final InstantSource clock;
    private final EngineOptions options;
    private final Activity activity = new Activity();
    private final Map<String, ControllerRunner> runners = new LinkedHashMap<>();
    private final ReentrantLock timerLock = new ReentrantLock();
    private final Condition timerWake = timerLock.newCondition();
    private volatile boolean running;
    private volatile boolean closed;
    private final Object tickLock = new Object();
    private Instant nextResync;
    private boolean wakeRequested;
    private Thread timer;

    public Engine(ResourceStore store, InstantSource clock, EngineOptions options) {
        this.store = store;
        this.clock = clock;
        this.options = options;
    }

    /** Adds a controller (before {@link #start()}); returns the queue its keys can also be added to directly. */
    public synchronized KeyQueue register(Controller controller) {
        if (running || closed) {
            throw new IllegalStateException("register controller " + controller.name() + " before the engine starts");
        }
        if (runners.containsKey(controller.name())) {
            throw new IllegalArgumentException("a controller named " + controller.name() + " is already registered");
        }
        ControllerRunner runner = new ControllerRunner(controller, store, clock, options, activity, this::wake);
        runners.put(controller.name(), runner);
        return runner::enqueue;
    }

    /** Starts the watches, the workers and the timer. */
    public synchronized void start() {
        if (running || closed) {
            throw new IllegalStateException(closed ? "the engine is closed" : "the engine is already running");
        }
        running = true;
        runners.values().forEach(ControllerRunner::start);
        tick();
        timer = Thread.ofVirtual().name("kumo-engine-timer").start(this::runTimer);
    }

    /**
     * Looks at the clock now: queues the retries and requeues that are due and resyncs if its time has come (tests
     * call it after moving a manual clock; what is due is queued before this returns).
     */
    public void wake() {
        if (running) {
            tick();
        }
        timerLock.lock();
        try {
            wakeRequested = true;
            timerWake.signalAll();
        } finally {
            timerLock.unlock();
        }
    }

    /**
     * Waits until every watch has seen the store's current objects and no controller has a key queued or being
     * processed, with nothing happening while that was checked. Keys waiting for a retry or requeue time do not
     * count. Returns false if that did not happen within {@code timeout}.
     */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                long seen = activity.count();
                if (allIdle() && runners.values().stream().allMatch(ControllerRunner::caughtUp) && allIdle()
                        && activity.count() == seen) {
                    return true;
                }
                activity.awaitChange(seen, 10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** When a controller's key is next due for a retry or requeue, if it waits for one. */
    public Optional<Instant> scheduledAt(String controller, NamespacedName key) {
        return Optional.ofNullable(runners.get(controller)).flatMap(r -> r.dueAt(key));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        running = false;
        runners.values().forEach(ControllerRunner::close);
        wake();
        if (timer != null) {
            timer.interrupt();
        }
    }

    private boolean allIdle() {
        return runners.values().stream().allMatch(ControllerRunner::idle);
    }

    private void runTimer() {
        while (running) {
            Instant next = tick();
            Duration wait = Duration.between(clock.instant(), next);
            if (!waitForTimer(wait.compareTo(MAX_TIMER_WAIT) > 0 ? MAX_TIMER_WAIT : wait)) {
                return;
            }
        }
    }

    /** Queues what is due and resyncs when it is time; returns when something is next due. */
    private Instant tick() {
        synchronized (tickLock) {
            Instant now = clock.instant();
            if (nextResync == null) {
                nextResync = now.plus(options.resyncPeriod());
            }
            runners.values().forEach(r -> r.promoteDue(now));
            if (!now.isBefore(nextResync)) {
                runners.values().forEach(ControllerRunner::resync);
                nextResync = now.plus(options.resyncPeriod());
            }
            return Stream.concat(Stream.of(nextResync), runners.values().stream().flatMap(r -> r.nextDue().stream()))
                    .min(Instant::compareTo).orElseThrow();
        }
    }

    /** Waits up to {@code wait} or until woken; false if interrupted. */
    private boolean waitForTimer(Duration wait) {
        timerLock.lock();
        try {
            long nanos = wait.toNanos();
            while (!wakeRequested && nanos > 0 && running) {
                nanos = timerWake.awaitNanos(nanos);
            }
            wakeRequested = false;
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            timerLock.unlock();
        }
    }
}
