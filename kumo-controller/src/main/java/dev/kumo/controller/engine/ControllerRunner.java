package dev.kumo.controller.engine;

import dev.kumo.store.ResourceStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Runs one controller: its watches feed its queue, its workers (virtual threads) drain it through the reconciler. */
final class ControllerRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ControllerRunner.class);

    private final Controller controller;
    private final InstantSource clock;
    private final Activity activity;
    private final Runnable wakeTimer;
    private final WorkQueue queue;
    private final EngineMetrics.ControllerMetrics metrics;
    private final ReconcileTracing tracing;
    private final Retries retries;
    private final List<KindWatch> watches = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private final int workerCount;

    ControllerRunner(Controller controller, ResourceStore store, InstantSource clock, EngineOptions options,
            Activity activity, Runnable wakeTimer) {
        this.controller = controller;
        this.clock = clock;
        this.activity = activity;
        this.wakeTimer = wakeTimer;
        this.retries = new Retries(options.backoff());
        this.workerCount = options.workersPerController();
        // The depth is read at scrape time only, once the queue is there.
        this.metrics = options.metrics().controller(controller.name(), this::depth);
        this.tracing = options.tracing();
        this.queue = new WorkQueue(metrics);
        controller.triggers().forEach(t -> watches.add(new KindWatch(store, t, this::enqueue)));
    }

    void start() {
        watches.forEach(KindWatch::start);
        for (int i = 0; i < workerCount; i++) {
            workers.add(Thread.ofVirtual().name("kumo-" + controller.name() + "-" + i).start(this::work));
        }
    }

    void enqueue(NamespacedName key) {
        queue.add(key);
        activity.touch();
    }

    /** Queues every primary object again. */
    void resync() {
        watches.getFirst().keys().forEach(this::enqueue);
    }

    int promoteDue(Instant now) {
        int promoted = queue.promoteDue(now);
        if (promoted > 0) {
            activity.touch();
        }
        return promoted;
    }

    Optional<Instant> nextDue() {
        return queue.nextDue();
    }

    Optional<Instant> dueAt(NamespacedName key) {
        return queue.dueAt(key);
    }

    int depth() {
        return queue.depth();
    }

    boolean idle() {
        return queue.idle();
    }

    boolean caughtUp() {
        return watches.stream().allMatch(KindWatch::caughtUp);
    }

    void close() {
        watches.forEach(KindWatch::close);
        queue.shutDown();
        workers.forEach(Thread::interrupt);
    }

    private void work() {
        try {
            while (true) {
                Optional<NamespacedName> next = queue.take();
                if (next.isEmpty()) {
                    return;
                }
                activity.touch();
                try {
                    process(next.get());
                } finally {
                    queue.done(next.get());
                    activity.touch();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reconciles {@code key} with the object's kind, namespace and name in the MDC (the keys of
     * {@code --log-format json}), so every line logged meanwhile on this thread says what it is about; each
     * reconcile's outcome is logged at DEBUG ({@code KUMO_LOG_LEVEL=DEBUG}); each is traced ({@link ReconcileTracing}).
     */
    private void process(NamespacedName key) {
        long started = System.nanoTime();
        try (var kind = MDC.putCloseable("kind", controller.primary().kind());
             var namespace = MDC.putCloseable("namespace", key.namespace());
             var name = MDC.putCloseable("name", key.name())) {
            ReconcileTracing.Span span = tracing.started(controller.name(), controller.primary(), key);
            EngineMetrics.Outcome outcome = EngineMetrics.Outcome.ERROR;
            try {
                outcome = reconcile(key, span);
            } finally {
                span.ended(outcome);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            metrics.reconciled(outcome, took);
            LOG.debug("{} {}: reconciled ({}, {} ms)", controller.name(), key, outcome.label(), took.toMillis());
        }
    }

    private EngineMetrics.Outcome reconcile(NamespacedName key, ReconcileTracing.Span span) {
        try {
            Result result = controller.reconciler().reconcile(key);
            retries.forget(key);
            if (result instanceof Result.RequeueAfter(var delay)) {
                queue.addAt(key, clock.instant().plus(delay));
                wakeTimer.run();
                return EngineMetrics.Outcome.REQUEUE_AFTER;
            }
            return EngineMetrics.Outcome.SUCCESS;
        } catch (TerminalException e) {
            span.failed(e);
            retries.forget(key);
            // The message says what is wrong; a stack trace only when something else caused it.
            if (e.getCause() == null) {
                LOG.error("{} {}: {} (not retried)", controller.name(), key, e.getMessage());
            } else {
                LOG.error("{} {}: {} (not retried)", controller.name(), key, e.getMessage(), e.getCause());
            }
            return EngineMetrics.Outcome.ERROR;
        } catch (RuntimeException e) {
            span.failed(e);
            Instant retryAt = retries.failed(key, clock.instant());
            LOG.warn("{} {}: {} (failure {}, retrying at {})", controller.name(), key, e.getMessage(),
                    retries.failures(key), retryAt);
            queue.addAt(key, retryAt);
            metrics.retried();
            wakeTimer.run();
            return EngineMetrics.Outcome.ERROR;
        }
    }
}
