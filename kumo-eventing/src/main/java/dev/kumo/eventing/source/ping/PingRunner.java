package dev.kumo.eventing.source.ping;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs PingSources: wakes at each tick, sends the tick's event (retrying a few times with backoff), and records the
 * tick in the journal once it was delivered or given up on. Everything runs on one scheduler thread, which
 * {@link #start()} starts.
 */
public final class PingRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PingRunner.class);
    /** Attempts per tick (Knative's ping adapter retries too, a handful of times). */
    static final int ATTEMPTS = 5;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final EventSender sender;
    private final TickJournal journal;
    private final InstantSource clock;
    private final Duration catchUp;
    private volatile ScheduledExecutorService scheduler;
    private final Map<String, Job> jobs = new HashMap<>();
    private final Map<String, Instant> journaled = new HashMap<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private int inFlight;
    private boolean closing;

    /** Told of a tick given up on after its attempts (on the scheduler thread: return at once). */
    @FunctionalInterface
    public interface Undelivered {
        void undelivered(PingSpec spec, Instant tick, String why);
    }

    private final List<Undelivered> undelivered = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A source being run: its spec, the tick fired up to (in memory, ahead of the journal), its next wake-up. */
    private static final class Job {
        PingSpec spec;
        Instant firedUpTo;
        ScheduledFuture<?> wake;
    }

    public PingRunner(EventSender sender, TickJournal journal, InstantSource clock, Duration catchUp) {
        this.sender = sender;
        this.journal = journal;
        this.clock = clock;
        this.catchUp = catchUp;
    }

    /** Registers a listener told of each tick given up on. */
    public void onUndelivered(Undelivered listener) {
        undelivered.add(listener);
    }

    /** Starts the scheduler thread; sources may be upserted from then on. */
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("kumo-ping").factory());
    }

    /** Starts or updates a source; a new source is armed now and fires from its next tick on. */
    public void upsert(PingSpec spec) {
        scheduler.execute(() -> {
            Job job = jobs.computeIfAbsent(key(spec), k -> new Job());
            if (job.spec == null || !job.spec.uid().equals(spec.uid())) {
                job.firedUpTo = journal.firedUpTo(spec.uid()).orElseGet(() -> arm(spec));
            }
            job.spec = spec;
            plan(job);
        });
    }

    /** Stops a source and forgets its journal. */
    public void remove(String namespace, String name) {
        scheduler.execute(() -> {
            Job job = jobs.remove(namespace + "/" + name);
            if (job != null) {
                cancel(job);
                journaled.remove(job.spec.uid());
                journal.forget(job.spec.uid());
            }
        });
    }

    /** Ticks delivered (2xx) so far. */
    public long delivered() {
        return delivered.get();
    }

    /** Ticks given up on after every attempt failed. */
    public long failed() {
        return failed.get();
    }

    /** Stops firing, lets sends in flight settle and be journaled (up to the grace period), then stops. */
    @Override
    public void close() {
        if (scheduler == null) {
            return;
        }
        try {
            scheduler.execute(() -> {
                closing = true;
                jobs.values().forEach(PingRunner::cancel);
                settled();
            });
            drained.get(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            LOG.warn("PingSources: {} sends still in flight at shutdown; their ticks fire again after restart", inFlight);
        } finally {
            scheduler.shutdownNow();
        }
    }

    private Instant arm(PingSpec spec) {
        Instant now = clock.instant();
        journal.record(spec.uid(), now);
        return now;
    }

    private void plan(Job job) {
        cancel(job);
        if (closing) {
            return;
        }
        Instant now = clock.instant();
        TickPlan plan = TickPlan.plan(job.spec.schedule(), job.firedUpTo, now, catchUp);
        plan.due().ifPresent(tick -> {
            job.firedUpTo = tick;
            inFlight++;
            attempt(job.spec, tick, 1);
        });
        long delay = Math.max(1, Duration.between(now, plan.wakeAt()).toMillis());
        job.wake = scheduler.schedule(() -> plan(job), delay, TimeUnit.MILLISECONDS);
    }

    private void attempt(PingSpec spec, Instant tick, int attempt) {
        sender.send(spec.sink(), PingEvents.forTick(spec, tick)).whenComplete((status, error) ->
                scheduler.execute(() -> settle(spec, tick, attempt, status, error)));
    }

    private void settle(PingSpec spec, Instant tick, int attempt, Integer status, Throwable error) {
        if (error == null && status / 100 == 2) {
            delivered.incrementAndGet();
            journalUpTo(spec.uid(), tick);
            inFlight--;
            settled();
            return;
        }
        String why = error != null ? String.valueOf(error.getMessage()) : "HTTP " + status;
        if (attempt < ATTEMPTS && !closing) {
            long backoff = FIRST_BACKOFF.toMillis() << (attempt - 1);
            scheduler.schedule(() -> attempt(spec, tick, attempt + 1), backoff, TimeUnit.MILLISECONDS);
            return;
        }
        inFlight--;
        settled();
        if (closing) {
            return; // not journaled: fired again after the restart, with the same id
        }
        failed.incrementAndGet();
        journalUpTo(spec.uid(), tick);
        LOG.warn("PingSource {}/{}: tick {} not delivered to {} after {} attempts: {}", spec.namespace(),
                spec.name(), tick, spec.sink(), ATTEMPTS, why);
        undelivered.forEach(listener -> listener.undelivered(spec, tick, why));
    }

    private void settled() {
        if (closing && inFlight == 0) {
            drained.complete(null);
        }
    }

    /** Ticks may settle out of order (a retried one after the next); the journal only moves forward. */
    private void journalUpTo(String uid, Instant tick) {
        Instant last = journaled.get(uid);
        if (last == null || tick.isAfter(last)) {
            journaled.put(uid, tick);
            journal.record(uid, tick);
        }
    }

    private static void cancel(Job job) {
        if (job.wake != null) {
            job.wake.cancel(false);
        }
    }

    private static String key(PingSpec spec) {
        return spec.namespace() + "/" + spec.name();
    }
}
