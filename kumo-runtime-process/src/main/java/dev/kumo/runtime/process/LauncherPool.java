package dev.kumo.runtime.process;

import dev.kumo.runtime.spi.ProcessWorkload;
import dev.kumo.runtime.spi.RevisionRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Launches made ahead ({@link Launcher}): for each Revision the runtime was told may be wanted ({@code prepare}: at
 * zero, or the next replica of a busy one), one waiting launcher of exactly that spec, at most {@link #TOTAL} in
 * all. A start of the same spec takes it; the next is made only once the Revision's starting instances are past
 * starting ({@link #started}), and a moment after, since spawning meanwhile would slow the start a request waits
 * for and its answer. A Revision's launcher is
 * discarded when its spec changes, when it is asked for 0, when not asked for within {@link #IDLE_EXPIRY} (a
 * deleted Revision) and on close. The decisions take the time as an argument; making and discarding run on
 * {@code executor}.
 *
 * @param <T> what waits: a {@link Launcher}, or a stand-in in tests
 */
final class LauncherPool<T extends LauncherPool.Waiting> implements AutoCloseable {

    /** At most this many launchers wait in all (each is a blocked shell holding a port and a cgroup). */
    static final int TOTAL = 16;
    /** A Revision's launcher not asked for again within this goes (the controllers resync every 10 minutes). */
    static final Duration IDLE_EXPIRY = Duration.ofMinutes(30);

    /**
     * How long after a start is past starting the next launcher is made: not while the request that woke it is
     * being answered, nor for a Revision deleted right after.
     */
    static final Duration REFILL_DELAY = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(LauncherPool.class);

    /** Something made ahead that waits to be taken. */
    interface Waiting {
        /** Whether it can still be taken. */
        boolean usable();

        /** Gives it up, removing what it holds. */
        void discard();
    }

    /** Makes what waits for a spec; may throw, and the next ask tries again. */
    interface Maker<T> {
        T make(ProcessWorkload spec) throws Exception;
    }

    private final Maker<T> maker;
    private final Executor executor;
    private final Executor refills;
    private final Map<RevisionRef, Slot<T>> slots = new HashMap<>();
    private final List<CompletableFuture<Void>> discards = new ArrayList<>();
    private boolean closed;

    /**
     * A pool making and discarding on {@code executor}; the next launcher after a start is made {@code refillDelay}
     * after that start is past starting.
     */
    LauncherPool(Maker<T> maker, Executor executor, Duration refillDelay) {
        this.maker = maker;
        this.executor = executor;
        this.refills = refillDelay.isZero() ? executor
                : CompletableFuture.delayedExecutor(refillDelay.toNanos(), TimeUnit.NANOSECONDS, executor);
    }

    /** One Revision's place: the spec asked for, when, what is being made or waits, and starts taken from it. */
    private static final class Slot<T> {
        final ProcessWorkload spec;
        Instant lastAsked;
        CompletableFuture<T> making;
        int starting;

        Slot(ProcessWorkload spec, Instant lastAsked) {
            this.spec = spec;
            this.lastAsked = lastAsked;
        }

        /** Whether its launcher is made and waits. */
        boolean ready() {
            return making != null && making.isDone() && !making.isCompletedExceptionally();
        }
    }

    /** Keeps one launcher of {@code spec} waiting when {@code count} > 0; 0 discards the Revision's. */
    synchronized void prepare(ProcessWorkload spec, int count, Instant now) {
        if (closed) {
            return;
        }
        expire(now);
        Slot<T> slot = slots.get(spec.revision());
        if (slot != null && (count <= 0 || !slot.spec.equals(spec))) {
            discard(slots.remove(spec.revision()));
            slot = null;
        }
        if (count <= 0) {
            return;
        }
        if (slot == null) {
            slot = new Slot<>(spec, now);
            slots.put(spec.revision(), slot);
        }
        slot.lastAsked = now;
        if (slot.making != null && slot.making.isCompletedExceptionally()) {
            slot.making = null; // asked again: try again
        }
        fill(slot);
    }

    /**
     * What a start of a Revision took from its place: the launcher made for exactly its spec, if one was made and is
     * still usable, and whether the start was counted as starting ({@code slot}: the place it was counted in, which
     * {@link #started} is told of once it is past starting; empty when the Revision had no place).
     */
    record Taken<T>(Optional<T> launcher, Optional<Object> slot) {
    }

    /**
     * Takes the launcher made for exactly {@code spec}, if one waits and is still usable. One still being made is not
     * waited for (the caller may hold a lock others wait on): the start spawns the usual way and the one being made
     * stays for the next start.
     */
    Taken<T> take(ProcessWorkload spec, Instant now) {
        T made;
        Slot<T> counted;
        synchronized (this) {
            if (closed) {
                return new Taken<>(Optional.empty(), Optional.empty());
            }
            expire(now);
            counted = slots.get(spec.revision());
            if (counted == null) {
                return new Taken<>(Optional.empty(), Optional.empty());
            }
            counted.starting++; // however it starts, the next launcher waits until it is past starting
            counted.lastAsked = now;
            if (!counted.spec.equals(spec) || !counted.ready()) {
                return new Taken<>(Optional.empty(), Optional.of(counted));
            }
            made = counted.making.join();
            counted.making = null;
        }
        if (made.usable()) {
            return new Taken<>(Optional.of(made), Optional.of(counted));
        }
        synchronized (this) {
            discard(CompletableFuture.completedFuture(made));
        }
        return new Taken<>(Optional.empty(), Optional.of(counted));
    }

    /**
     * A start counted in {@code slot} ({@link Taken#slot}) of {@code revision} is past starting (ready, failed or
     * stopped): the next launcher may be made. A place replaced since (another spec, asked for 0) is left alone.
     */
    synchronized void started(RevisionRef revision, Object slot) {
        Slot<T> current = slots.get(revision);
        if (current != null && current == slot && !closed) {
            current.starting = Math.max(0, current.starting - 1);
            refills.execute(() -> refill(revision, current));
        }
    }

    private synchronized void refill(RevisionRef revision, Slot<T> slot) {
        if (!closed && slots.get(revision) == slot) {
            fill(slot);
        }
    }

    /** Discards the launchers of Revisions not asked for within the idle expiry. */
    synchronized void expire(Instant now) {
        slots.values().removeIf(slot -> {
            boolean idle = slot.lastAsked.plus(IDLE_EXPIRY).isBefore(now);
            if (idle) {
                discard(slot);
            }
            return idle;
        });
    }

    /** How many launchers are made and waiting. */
    synchronized int waiting() {
        return (int) slots.values().stream().filter(Slot::ready).count();
    }

    /** The launcher waiting for {@code revision}, if made. */
    synchronized Optional<T> waitingFor(RevisionRef revision) {
        Slot<T> slot = slots.get(revision);
        return slot != null && slot.ready() ? Optional.of(slot.making.join()) : Optional.empty();
    }

    /** Discards every launcher and waits (bounded) until they are gone. */
    @Override
    public void close() {
        CompletableFuture<Void> gone;
        synchronized (this) {
            closed = true;
            slots.values().forEach(this::discard);
            slots.clear();
            gone = CompletableFuture.allOf(discards.toArray(CompletableFuture[]::new));
        }
        try {
            gone.orTimeout(30, TimeUnit.SECONDS).join(); // a discard never fails: only the timeout can end it so
        } catch (CompletionException e) {
            LOG.warn("not every launcher made ahead was discarded within 30 s: {}", e.getCause().toString());
        }
    }

    private void fill(Slot<T> slot) {
        if (slot.making != null || slot.starting > 0 || inPool() >= TOTAL) {
            return;
        }
        ProcessWorkload spec = slot.spec;
        slot.making = CompletableFuture.supplyAsync(() -> {
            try {
                return maker.make(spec);
            } catch (Exception e) {
                LOG.debug("making a launcher ahead for {}: {}", spec.revision(), e.toString());
                throw new IllegalStateException(e);
            }
        }, executor);
    }

    private int inPool() {
        return (int) slots.values().stream().filter(slot -> slot.making != null).count();
    }

    private void discard(Slot<T> slot) {
        if (slot.making != null) {
            discard(slot.making);
            slot.making = null;
        }
    }

    private void discard(CompletableFuture<T> making) {
        discards.removeIf(CompletableFuture::isDone);
        discards.add(making.thenAcceptAsync(Waiting::discard, executor).exceptionally(failed -> null));
    }

}
