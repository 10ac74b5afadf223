package dev.kumo.eventing.dispatch;

import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.DeliveryOrder;
import dev.kumo.eventing.api.TriggerRef;
import dev.kumo.eventing.log.EventLog;
import dev.kumo.eventing.log.LogFailure;
import dev.kumo.eventing.log.StoredEvent;
import dev.kumo.eventing.log.TriggerPosition;
import io.cloudevents.CloudEvent;
import io.opentelemetry.api.trace.Span;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Trigger's pump, a virtual thread: it reads its broker's log a page at a time after what it has read, evaluates
 * the filter once per event, and starts a delivery for each match — never more than {@code maxInFlight} at once, and
 * never reading more than {@code readAhead} events past the oldest unfinished one, so a slow subscriber holds back
 * only its own Trigger and memory stays bounded. Finished events move the position, which is saved periodically.
 * With an {@linkplain DeliveryOrder#ORDERED ordered} route a match waits, in a {@link KeyedSchedule}, until the
 * delivery of the previous match with its {@code partitionkey} is over, while the pump reads on for other keys (up
 * to {@code readAhead}).
 *
 * <p>The pump is supervised: one event never stops it. An event whose stored form cannot be decoded, or whose
 * handling throws, is logged once with the Trigger and its id, counted ({@code dispatchFailures}, {@code dropped}) and
 * passed over. What stops the pump from moving at all (the log cannot be read, an error it cannot pin on one event)
 * is its {@linkplain #problem() problem}, reported to {@code onProblem} when it starts and when it clears, while the
 * pump tries again every second.
 */
final class TriggerDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(TriggerDispatcher.class);
    private static final int PAGE = 256;
    private static final Duration FAILURE_PAUSE = Duration.ofSeconds(1);

    private final TriggerRef trigger;
    private final BrokerRef broker;
    private final EventLog log;
    private final Deliverer deliverer;
    private final int maxInFlight;
    private final int readAhead;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final TriggerPosition position;
    private final Runnable onProblem;
    private volatile Route route;
    private volatile Optional<String> problem = Optional.empty();
    private volatile boolean stopped;
    private Thread pump;
    private long readHead;
    /** The event the pump is dispatching, 0 between events (pump thread only): read again after a failure. */
    private long dispatching;
    /** Matched events not yet done with: under way, ready for a slot, or waiting behind their key. */
    private final KeyedSchedule<Pending> schedule;
    /** True while a thread starts what the schedule lets start; others leave their starts to it. */
    private boolean launching;
    private int onWire;
    /**
     * True while the pump waits for a slot or for read-ahead room: only then does a finished delivery wake it (waking
     * it after every delivery cost a virtual thread's unpark and park per event while it waited for new events).
     */
    private boolean waitingForRoom;
    private boolean moved;
    private boolean more = true;
    private long signals;
    private long seenSignals;

    private TriggerDispatcher(TriggerRef trigger, BrokerRef broker, Route route, EventLog log, Deliverer deliverer,
            int maxInFlight, int readAhead, Runnable onProblem) {
        this.trigger = trigger;
        this.onProblem = onProblem;
        this.broker = broker;
        this.route = route;
        this.log = log;
        this.deliverer = deliverer;
        this.maxInFlight = maxInFlight;
        this.readAhead = readAhead;
        this.schedule = new KeyedSchedule<>(maxInFlight);
        this.position = log.openTrigger(trigger, broker);
        this.readHead = position.lowWater();
    }

    static TriggerDispatcher start(TriggerRef trigger, BrokerRef broker, Route route, EventLog log,
            Deliverer deliverer, int maxInFlight, int readAhead, Runnable onProblem) {
        TriggerDispatcher dispatcher = new TriggerDispatcher(trigger, broker, route, log, deliverer, maxInFlight,
                readAhead, onProblem);
        dispatcher.pump = Thread.ofVirtual().name("kumo-trigger-" + trigger).start(dispatcher::pump);
        return dispatcher;
    }

    BrokerRef broker() {
        return broker;
    }

    /** The order its events are delivered in (a route of another order needs a new dispatcher). */
    DeliveryOrder order() {
        return route.order();
    }

    /** Why the pump cannot move on (it keeps trying); empty while it works. */
    Optional<String> problem() {
        if (problem.isEmpty() && !stopped && !pump.isAlive()) {
            return Optional.of("the dispatcher's thread has ended");
        }
        return problem;
    }

    /** Uses {@code route} for every event not yet under way. */
    void update(Route next) {
        route = next;
    }

    /** Tells the pump that its broker has new events. */
    void wake() {
        lock.lock();
        try {
            signals++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Hands the position to the log if it moved since the last time. */
    void savePosition() {
        lock.lock();
        try {
            if (moved) {
                log.savePosition(trigger, position);
                moved = false;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops reading and starting attempts; attempts on the wire get until {@code grace} to come back (those waiting
     * out a backoff are abandoned), then the position is saved.
     */
    void stop(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        lock.lock();
        try {
            stopped = true;
            changed.signalAll();
            while (onWire > 0 && System.nanoTime() < deadline) {
                changed.awaitNanos(deadline - System.nanoTime());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        try {
            pump.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        savePosition();
    }

    /** The supervisor: runs the pump again after anything it could not pin on one event, reporting it. */
    private void pump() {
        while (!stopped) {
            try {
                pumpPages();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                rewind();
                deliverer.counters().dispatchFailures.increment();
                report("the dispatcher failed after event seq " + readHead + " and retries every "
                        + FAILURE_PAUSE.toSeconds() + "s: " + e, e);
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private void pumpPages() throws InterruptedException {
        while (true) {
            int limit = awaitRoom();
            if (limit < 0) {
                return;
            }
            List<StoredEvent> page = readPage(limit);
            lock.lock();
            try {
                more = page.size() == limit;
            } finally {
                lock.unlock();
            }
            for (StoredEvent stored : page) {
                dispatching = stored.seq();
                if (!dispatch(stored)) {
                    return;
                }
                dispatching = 0;
            }
            clearProblem();
        }
    }

    /** Makes the event that was being dispatched the next one read. */
    private void rewind() {
        lock.lock();
        try {
            if (dispatching > 0) {
                readHead = dispatching - 1;
                dispatching = 0;
            }
            more = true;
        } finally {
            lock.unlock();
        }
    }

    /** Sets the problem, logging it once (not again while it stays the same) and telling {@code onProblem}. */
    private void report(String message, Throwable cause) {
        if (problem.equals(Optional.of(message))) {
            return;
        }
        problem = Optional.of(message);
        LOG.error("trigger {}: {}", trigger, message, cause);
        onProblem.run();
    }

    private void clearProblem() {
        if (problem.isPresent()) {
            problem = Optional.empty();
            LOG.info("trigger {}: the dispatcher moves again", trigger);
            onProblem.run();
        }
    }

    /** Waits a second before trying again (new events do not cut it short); false once stopped. */
    private boolean pause() {
        long deadline = System.nanoTime() + FAILURE_PAUSE.toNanos();
        lock.lock();
        try {
            for (long left = FAILURE_PAUSE.toNanos(); !stopped && left > 0; left = deadline - System.nanoTime()) {
                changed.awaitNanos(left);
            }
            return !stopped;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until there may be events to read and room for them; returns the page size, or -1 once stopped. */
    private int awaitRoom() throws InterruptedException {
        lock.lock();
        try {
            while (!stopped && (full() || (!more && signals == seenSignals))) {
                waitingForRoom = full();
                changed.await();
            }
            waitingForRoom = false;
            seenSignals = signals;
            return stopped ? -1 : Math.min(PAGE, room());
        } finally {
            lock.unlock();
        }
    }

    /** Whether the pump may not read on until deliveries finish: every slot taken, or the read-ahead used up. */
    private boolean full() {
        return room() <= 0 || schedule.inFlight() >= maxInFlight;
    }

    /**
     * How many more events may be read: the read-ahead counts this stream's events held above the mark, not the
     * distance in sequence numbers (which other streams' events widen).
     */
    private int room() {
        return readAhead - position.heldAboveMark();
    }

    private List<StoredEvent> readPage(int limit) throws InterruptedException {
        while (true) {
            try {
                return log.read(broker, readHead, limit);
            } catch (LogFailure e) {
                report("reading the event log failed, trying again every " + FAILURE_PAUSE.toSeconds() + "s: "
                        + e.getMessage(), e);
                if (!pause()) {
                    throw new InterruptedException("stopped");
                }
            }
        }
    }

    /** Evaluates the filter once and starts the delivery of a match; false once stopped. */
    private boolean dispatch(StoredEvent stored) throws InterruptedException {
        long seq = stored.seq();
        Route current = route;
        lock.lock();
        try {
            readHead = seq;
            long lowWater = position.lowWater();
            position.read(seq);
            moved |= position.lowWater() != lowWater;
            if (position.isFinished(seq)) {
                return true;
            }
        } finally {
            lock.unlock();
        }
        if (stored.unreadable().isPresent()) {
            unreadable(stored);
            finish(seq, false);
            return true;
        }
        Span span = deliverer.tracing().filter(trigger, broker, stored.event());
        boolean matched = matches(current, stored.event());
        span.setAttribute("kumo.filter.matched", matched);
        if (!matched) {
            span.end();
            finish(seq, false);
            return true;
        }
        Pending pending = new Pending(stored, current, span, PartitionKey.of(stored.event(), current.order()));
        lock.lock();
        try {
            if (stopped) {
                span.end();
                return false;
            }
            schedule.add(pending.key(), pending);
        } finally {
            lock.unlock();
        }
        launch();
        lock.lock();
        try {
            // As many under way as allowed and more ready: wait for a slot rather than read on.
            while (!stopped && schedule.saturated()) {
                waitingForRoom = true;
                changed.await();
            }
            waitingForRoom = false;
            return !stopped;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts every delivery the schedule lets start. One thread at a time does it (a delivery that ends while it
     * starts, even on its own thread, leaves the next start to it), so a run of deliveries that end at once does not
     * nest.
     */
    private void launch() {
        lock.lock();
        try {
            if (launching) {
                return;
            }
            launching = true;
        } finally {
            lock.unlock();
        }
        while (true) {
            Pending next;
            lock.lock();
            try {
                next = stopped ? null : schedule.next().orElse(null);
                if (next == null) {
                    launching = false;
                    return;
                }
            } finally {
                lock.unlock();
            }
            start(next);
        }
    }

    private void start(Pending pending) {
        Tracker tracker = new Tracker(pending);
        try {
            deliverer.start(broker, trigger, pending.route(), pending.stored(), tracker, pending.span());
        } catch (RuntimeException | Error e) {
            pending.span().end();
            tracker.failed(e);
        }
    }

    private void unreadable(StoredEvent stored) {
        deliverer.counters().dispatchFailures.increment();
        deliverer.counters().dropped.increment();
        LOG.error("trigger {}: dropped event id={} (seq {}) of broker {}: its stored form cannot be decoded: {}",
                trigger, stored.id(), stored.seq(), broker, stored.unreadable().orElseThrow());
    }

    private boolean matches(Route current, CloudEvent event) {
        try {
            return current.filter().test(event);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.debug("trigger {}: the filter failed on event {}, so it does not match: {}", trigger, event.getId(),
                    e.toString());
            return false;
        }
    }

    /** {@code seq} is done with; a delivered one frees its slot and lets the next of its {@code key} go. */
    private void finish(long seq, boolean delivered, Object key) {
        lock.lock();
        try {
            position.finish(seq);
            moved = true;
            if (delivered) {
                schedule.done(key);
            }
            if (waitingForRoom) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (delivered) {
            launch();
        }
    }

    private void finish(long seq, boolean delivered) {
        finish(seq, delivered, KeyedSchedule.UNKEYED_ITEM);
    }

    /** A matched event with what it was read with: its route, its filter span and its key. */
    private record Pending(StoredEvent stored, Route route, Span span, Object key) {
    }

    /** What one event's delivery reports back: attempts on the wire (awaited at stop) and when it is done. */
    private final class Tracker implements DeliveryTracker {

        private final StoredEvent stored;
        private final Object key;
        private final AtomicBoolean done = new AtomicBoolean();

        Tracker(Pending pending) {
            this.stored = pending.stored();
            this.key = pending.key();
        }

        @Override
        public boolean active() {
            return !stopped;
        }

        @Override
        public void attemptStarted() {
            lock.lock();
            try {
                onWire++;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void attemptEnded() {
            lock.lock();
            try {
                onWire--;
                if (stopped) {
                    changed.signalAll(); // stop() waits for the attempts on the wire
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void finished() {
            if (done.compareAndSet(false, true)) {
                finish(stored.seq(), true, key);
            }
        }

        @Override
        public void failed(Throwable error) {
            if (done.get()) {
                return;
            }
            deliverer.counters().dispatchFailures.increment();
            deliverer.counters().dropped.increment();
            LOG.error("trigger {}: dropped event id={} (seq {}) of broker {}: handling it failed unexpectedly: {}",
                    trigger, stored.id(), stored.seq(), broker, error.toString(), error);
            finished();
        }
    }
}
