package dev.kumo.serving.usage;

import dev.kumo.apiserver.UsageView;
import dev.kumo.autoscaler.metrics.LoadSample;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.ColdStart;
import dev.kumo.dataplane.api.ScalingSignals;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.InstanceListener;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.Subscription;
import dev.kumo.runtime.spi.WorkloadRuntime;
import dev.kumo.store.ResourceStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metering, running: told of the router's requests and cold starts, every instance's starts and stops and the
 * events delivered to Services, it counts them in the {@link UsageLedger}, measures instances every
 * {@link Timing#measure()} and stores the ledger in {@code usage.db} every {@link Timing#flush()} and at close, so a
 * restart loses nothing.
 */
public final class UsageRecorder implements InstanceListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UsageRecorder.class);

    /** How often the ledger is stored, instances measured, and old buckets compacted. */
    public record Timing(Duration flush, Duration measure, Duration compact) {

        public static final Timing DEFAULTS = new Timing(Duration.ofSeconds(10), Duration.ofSeconds(2),
                Duration.ofHours(1));
    }

    private final UsageLedger ledger;
    private final InstanceTimeline timeline;
    private final UsageDatabase database;
    private final RevisionFacts facts;
    private final WorkloadRuntime runtime;
    private final InstantSource clock;
    private final ScheduledExecutorService timer;
    /** The address of each ready instance, and the addresses whose cold start was counted. */
    private final Map<String, InstanceAddress> readyAt = new ConcurrentHashMap<>();
    private final Set<InstanceAddress> coldCounted = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private Subscription watching = () -> { };
    private final List<Runnable> beforeFlush = new CopyOnWriteArrayList<>();

    private UsageRecorder(UsageDatabase database, ResourceStore store, WorkloadRuntime runtime,
            MeterRegistry registry, InstantSource clock) {
        this.ledger = new UsageLedger(new UsageMeters(registry));
        this.timeline = new InstanceTimeline(ledger);
        this.database = database;
        this.facts = new RevisionFacts(store);
        this.runtime = runtime;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kumo-usage");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens {@code database} and starts storing every {@code timing.flush()}, told of {@code runtime}'s instances
     * and the router's requests and cold starts through {@code signals}; instances are measured through
     * {@code runtime}, Revisions read from {@code store}, the counters registered in {@code registry}.
     */
    public static UsageRecorder start(Path database, ResourceStore store, WorkloadRuntime runtime,
            ScalingSignals signals, MeterRegistry registry, InstantSource clock, Timing timing) {
        UsageRecorder recorder = new UsageRecorder(UsageDatabase.open(database), store, runtime, registry, clock);
        recorder.watching = runtime.watch(recorder);
        signals.onLoad(recorder::load);
        signals.onColdStart(recorder::coldStart);
        long flushMillis = timing.flush().toMillis();
        recorder.timer.scheduleWithFixedDelay(recorder::flushQuietly, flushMillis, flushMillis,
                TimeUnit.MILLISECONDS);
        long measureMillis = timing.measure().toMillis();
        recorder.timer.scheduleWithFixedDelay(recorder::measureQuietly, measureMillis, measureMillis,
                TimeUnit.MILLISECONDS);
        long compactMillis = timing.compact().toMillis();
        recorder.timer.scheduleWithFixedDelay(recorder::compactQuietly, 0, compactMillis, TimeUnit.MILLISECONDS);
        return recorder;
    }

    /** The {@code UsageReport}s of {@code GET /apis/usage.kumo.dev/…/usage}. */
    public UsageView view() {
        return new UsageReports(this, clock);
    }

    /** The router: {@code revision}'s requests of one second. */
    public void load(RevisionId revision, LoadSample sample) {
        if (sample.requests() > 0 && !closed) {
            ledger.add(key(revision.namespace(), revision.name()), Instant.ofEpochSecond(sample.epochSecond()),
                    UsageCounts.requests(sample.requests()));
        }
    }

    /** The router: a request held at zero was answered; counted once per instance that started for it. */
    public void coldStart(ColdStart coldStart) {
        if (!closed && coldCounted.add(coldStart.servedBy())) {
            ledger.add(key(coldStart.revision().namespace(), coldStart.revision().name()), clock.instant(),
                    UsageCounts.coldStart());
        }
    }

    /** The event mesh: {@code count} events were delivered to the Service {@code namespace/service}. */
    public void delivered(String namespace, String service, long count) {
        if (count > 0) {
            ledger.add(new UsageKey(namespace, service, ""), clock.instant(), UsageCounts.delivered(count));
        }
    }

    /** Runs {@code before} at the start of each flush (on the flushing thread), to add what was gathered. */
    public void beforeFlush(Runnable before) {
        beforeFlush.add(before);
    }

    @Override
    public void changed(Instance instance) {
        Instant now = clock.instant();
        InstanceState state = instance.state();
        if (state instanceof InstanceState.Ready ready) {
            readyAt.put(instance.id(), ready.address());
        } else {
            InstanceAddress was = readyAt.remove(instance.id());
            if (was != null) {
                coldCounted.remove(was);
            }
        }
        boolean runs = state instanceof InstanceState.Starting || state instanceof InstanceState.Ready
                || state instanceof InstanceState.Unhealthy;
        if (runs) {
            String namespace = instance.revision().namespace();
            String revision = instance.revision().revision();
            RevisionFacts.Facts known = facts.of(namespace, revision);
            timeline.running(instance.id(), new UsageKey(namespace,
                    instance.revision().service().orElse(known.service()), revision), known.sizing(), now);
        } else {
            runtime.resources(instance.id()).ifPresent(sample -> timeline.measured(instance.id(), sample, now));
            timeline.stopped(instance.id(), now);
        }
    }

    /** The stored usage per key from {@code from} on, with what is not stored yet. */
    Map<UsageKey, UsageCounts> totals(Optional<String> namespace, Instant from) {
        flush();
        return database.totals(namespace, from);
    }

    /** Measures the instances, counts their time up to now and stores the ledger. */
    synchronized void flush() {
        beforeFlush.forEach(Runnable::run);
        measure();
        timeline.accrue(clock.instant());
        Map<UsageLedger.Bucket, UsageCounts> taken = ledger.drain();
        try {
            database.add(taken);
        } catch (RuntimeException e) {
            ledger.restore(taken);
            throw e;
        }
    }

    /** Measures every running instance (its CPU time, its memory) through the runtime. */
    private void measure() {
        Instant now = clock.instant();
        for (String id : timeline.ids()) {
            runtime.resources(id).ifPresent(sample -> timeline.measured(id, sample, now));
        }
    }

    private void measureQuietly() {
        try {
            measure();
        } catch (RuntimeException e) {
            LOG.warn("measuring instances failed (tried again): {}", e.getMessage());
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("storing usage failed (kept in memory, tried again in the next flush): {}", e.getMessage());
        }
    }

    private void compactQuietly() {
        try {
            database.compact(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("compacting the usage ledger failed (tried again later): {}", e.getMessage());
        }
    }

    private UsageKey key(String namespace, String revision) {
        return new UsageKey(namespace, facts.of(namespace, revision).service(), revision);
    }

    /** Stops the timer, counts the running instances' time up to now, stores the ledger and closes it. */
    @Override
    public void close() {
        closed = true;
        watching.close();
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            flush();
        } finally {
            database.close();
        }
    }
}
