package dev.kumo.controller.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keys waiting to be reconciled, as client-go's work queue: a key is queued at most once, and a key being processed
 * is not handed to a second worker: added again meanwhile, it is queued when the first worker is done. Keys can
 * also wait for a point in time ({@link #addAt}); {@link #promoteDue} moves the due ones into the queue. Adds and
 * the time a key waited in the queue go to its {@link EngineMetrics.ControllerMetrics}, as client-go's do.
 */
final class WorkQueue {

    private final EngineMetrics.ControllerMetrics metrics;
    /** When each queued key was added ({@link System#nanoTime()}), for the time it waited. */
    private final Map<NamespacedName, Long> addedAt = new HashMap<>();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition available = lock.newCondition();
    private final ArrayDeque<NamespacedName> queue = new ArrayDeque<>();
    private final Set<NamespacedName> dirty = new HashSet<>();
    private final Set<NamespacedName> processing = new HashSet<>();
    private final Map<NamespacedName, Instant> waiting = new HashMap<>();
    private boolean shutDown;

    WorkQueue() {
        this(EngineMetrics.ControllerMetrics.NONE);
    }

    WorkQueue(EngineMetrics.ControllerMetrics metrics) {
        this.metrics = metrics;
    }

    /** Queues the key unless it is already queued; a key being processed is queued once its worker is done. */
    void add(NamespacedName key) {
        lock.lock();
        try {
            if (shutDown || !dirty.add(key)) {
                return;
            }
            addedAt.putIfAbsent(key, System.nanoTime());
            metrics.added();
            if (!processing.contains(key)) {
                queue.addLast(key);
                available.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Queues the key at {@code due}; a key already waiting keeps the earlier of the two times. */
    void addAt(NamespacedName key, Instant due) {
        lock.lock();
        try {
            if (!shutDown) {
                waiting.merge(key, due, (a, b) -> a.isBefore(b) ? a : b);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Queues every waiting key whose time has come; returns how many. */
    int promoteDue(Instant now) {
        List<NamespacedName> due;
        lock.lock();
        try {
            due = waiting.entrySet().stream().filter(e -> !e.getValue().isAfter(now)).map(Map.Entry::getKey).toList();
            due.forEach(waiting::remove);
        } finally {
            lock.unlock();
        }
        due.forEach(this::add);
        return due.size();
    }

    /** The earliest time a waiting key is due. */
    Optional<Instant> nextDue() {
        lock.lock();
        try {
            return waiting.values().stream().min(Instant::compareTo);
        } finally {
            lock.unlock();
        }
    }

    /** When the key is due, if it is waiting. */
    Optional<Instant> dueAt(NamespacedName key) {
        lock.lock();
        try {
            return Optional.ofNullable(waiting.get(key));
        } finally {
            lock.unlock();
        }
    }

    /** The next key to process, marked as being processed; empty once the queue is shut down. */
    Optional<NamespacedName> take() throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty() && !shutDown) {
                available.await();
            }
            if (shutDown) {
                return Optional.empty();
            }
            NamespacedName key = queue.removeFirst();
            dirty.remove(key);
            processing.add(key);
            Long added = addedAt.remove(key);
            if (added != null) {
                metrics.taken(Duration.ofNanos(System.nanoTime() - added));
            }
            return Optional.of(key);
        } finally {
            lock.unlock();
        }
    }

    /** The worker is done with the key; if it was added meanwhile it is queued now. */
    void done(NamespacedName key) {
        lock.lock();
        try {
            processing.remove(key);
            if (dirty.contains(key) && !shutDown) {
                queue.addLast(key);
                available.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many keys are queued now (not those being processed or waiting for their time). */
    int depth() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Nothing queued and nothing being processed (waiting keys do not count). */
    boolean idle() {
        lock.lock();
        try {
            return queue.isEmpty() && processing.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every worker with an empty {@link #take()} and refuses new keys. */
    void shutDown() {
        lock.lock();
        try {
            shutDown = true;
            available.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
