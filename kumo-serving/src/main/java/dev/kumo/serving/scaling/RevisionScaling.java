package dev.kumo.serving.scaling;

import dev.kumo.runtime.support.ColdStartStages;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import dev.kumo.api.serving.autoscaling.RevisionAutoscaling;
import dev.kumo.autoscaler.Autoscaler;
import dev.kumo.autoscaler.ScaleDecision;
import dev.kumo.autoscaler.metrics.LoadSample;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.ScalingSignals;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, every tick (2 s as in Knative), how many instances each tracked Revision should run, from the router's
 * load samples and demand (received as {@link ScalingSignals}) through the KPA {@link Autoscaler}; sets whether the
 * activator is in each Revision's path in the same signals; tells listeners the Revisions whose desired count
 * changed so the Revision reconciler converges the runtime. Decisions run one at a time under one lock: on one
 * ticker thread, which {@link #start()} starts, or a demand's on the thread that signals it when none runs then.
 */
public final class RevisionScaling implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RevisionScaling.class);

    private final Autoscaler autoscaler = new Autoscaler();
    private final AutoscalerConfig defaults;
    private final ToIntFunction<RevisionId> readyInstances;
    private final Predicate<RevisionId> reachable;
    private final InstantSource clock;
    private final Duration tick;
    private final ScalingSignals signals;
    private volatile ScheduledExecutorService ticker;
    private final Map<RevisionId, Tracked> tracked = new ConcurrentHashMap<>();
    private final List<Consumer<RevisionId>> listeners = new CopyOnWriteArrayList<>();
    private final List<Lifecycle> lifecycles = new CopyOnWriteArrayList<>();
    /** Held by each decision, so that decisions run one at a time, in order, on whichever thread makes them. */
    private final ReentrantLock deciding = new ReentrantLock();

    /** Told when a Revision starts and stops being scaled (for per-revision meters). */
    public interface Lifecycle {
        void tracked(RevisionId revision);

        void forgotten(RevisionId revision);
    }

    /** A Revision being scaled: its resolved settings and the count last decided. */
    private record Tracked(RevisionAutoscaling settings, int desired) {
    }

    /**
     * @param defaults the server's config-autoscaler
     * @param readyInstances how many instances of a revision are ready now
     * @param reachable whether a route sends traffic to a revision
     * @param tick how often to decide
     * @param signals where the router's load and demand arrive and each decision's activator path goes
     */
    public RevisionScaling(AutoscalerConfig defaults, ToIntFunction<RevisionId> readyInstances,
            Predicate<RevisionId> reachable, InstantSource clock, Duration tick, ScalingSignals signals) {
        this.defaults = defaults;
        this.readyInstances = readyInstances;
        this.reachable = reachable;
        this.clock = clock;
        this.tick = tick;
        this.signals = signals;
    }

    /** Starts the ticker thread and receiving the router's load and demand. */
    public void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("kumo-autoscaler").factory());
        ticker.scheduleWithFixedDelay(this::tick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
        signals.onLoad(this::record);
        signals.onDemand(this::demand);
    }

    /** Registers a listener told each Revision whose desired count changed. */
    public void onChange(Consumer<RevisionId> listener) {
        listeners.add(listener);
    }

    /** Registers a listener told when Revisions start and stop being scaled. */
    public void onLifecycle(Lifecycle lifecycle) {
        lifecycles.add(lifecycle);
    }

    /** The Revisions being scaled now (a listener registered late learns them here). */
    public Set<RevisionId> trackedRevisions() {
        return Set.copyOf(tracked.keySet());
    }

    /** The count last decided for a revision; 0 for one not tracked. */
    public int lastDesired(RevisionId revision) {
        Tracked current = tracked.get(revision);
        return current == null ? 0 : current.desired();
    }

    /**
     * How many instances {@code revision} should run now; the first call starts tracking it (its first decision is
     * its initial scale), later calls pick up changed settings.
     */
    public int desired(Revision revision) {
        RevisionId id = new RevisionId(revision.metadata().namespace(), revision.metadata().name());
        Long containerConcurrency = revision.spec().containerConcurrency();
        RevisionAutoscaling settings = RevisionAutoscaling.resolve(revision.metadata().annotationsOrEmpty(),
                containerConcurrency == null ? 0 : containerConcurrency.intValue(), defaults);
        Tracked current = tracked.get(id);
        if (current != null) {
            if (!current.settings().equals(settings)) {
                tracked.put(id, new Tracked(settings, current.desired()));
            }
            return current.desired();
        }
        return onTicker(() -> {
            if (tracked.putIfAbsent(id, new Tracked(settings, 0)) == null) {
                lifecycles.forEach(lifecycle -> lifecycle.tracked(id));
            }
            return decide(id, false);
        });
    }

    /**
     * The router saw one second of the revision's load. The sample covering second S is reported once S is over,
     * so it is recorded at S+1, as Knative's scraper stamps what it measured over the last second with the time it
     * scraped: a decision at S+1 then sees it even through a one-second panic window.
     */
    public void record(RevisionId revision, LoadSample sample) {
        autoscaler.record(revision, new LoadSample(sample.epochSecond() + 1, sample.averageConcurrency(),
                sample.requests()));
    }

    /** A request waits at a revision with no ready instance: decide for it now, not at the next tick. */
    public void demand(RevisionId revision) {
        ColdStartStages.reached(revision.namespace(), revision.name(), "demanded");
        autoscaler.demand(revision);
        // Decided on the caller's thread when no decision runs (never waiting: the router's event loop calls this),
        // so a cold start waits for no thread to wake; else on the ticker, right after the decision running now.
        if (tracked.containsKey(revision) && deciding.tryLock()) {
            try {
                ColdStartStages.reached(revision.namespace(), revision.name(), "deciding");
                decide(revision, true);
            } finally {
                deciding.unlock();
            }
            return;
        }
        ticker.execute(() -> {
            ColdStartStages.reached(revision.namespace(), revision.name(), "deciding");
            if (tracked.containsKey(revision)) {
                decide(revision, true);
            }
        });
    }

    /** Stops scaling a Revision (it was deleted). */
    public void forget(RevisionId revision) {
        if (tracked.remove(revision) != null) {
            lifecycles.forEach(lifecycle -> lifecycle.forgotten(revision));
        }
        ticker.execute(() -> {
            deciding.lock(); // after a demand's decision running now, never before it
            try {
                autoscaler.forget(revision);
                signals.activatorInPath(revision, false);
            } finally {
                deciding.unlock();
            }
        });
    }

    /** The last decisions for a revision, oldest first. */
    public List<ScaleDecision> history(RevisionId revision) {
        return autoscaler.history(revision);
    }

    /** The last decision for a revision, if any. */
    public Optional<ScaleDecision> lastDecision(RevisionId revision) {
        return autoscaler.lastDecision(revision);
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    private void tick() {
        for (RevisionId id : tracked.keySet()) {
            try {
                decide(id, true);
            } catch (RuntimeException e) {
                LOG.warn("autoscaling {}: {}", id, e.toString());
            }
        }
    }

    /**
     * Decides for one revision (on the ticker thread, or a demand's when no other decision runs); tells listeners
     * when the count changed. Listeners must not block: a demand's decision runs on the router's event loop.
     */
    private int decide(RevisionId id, boolean notify) {
        deciding.lock();
        try {
            return decideLocked(id, notify);
        } finally {
            deciding.unlock();
        }
    }

    private int decideLocked(RevisionId id, boolean notify) {
        Tracked current = tracked.get(id);
        if (current == null) {
            return 0;
        }
        ScaleDecision decision = autoscaler.decide(id,
                current.settings().withReachable(reachable.test(id)), readyInstances.applyAsInt(id),
                clock.instant());
        signals.activatorInPath(id, decision.activatorInPath()); // one decision at a time, so in order
        if (decision.desiredScale() != current.desired()
                && tracked.replace(id, current, new Tracked(current.settings(), decision.desiredScale()))
                && notify) {
            if (current.desired() == 0) {
                ColdStartStages.reached(id.namespace(), id.name(), "decided");
            }
            listeners.forEach(listener -> listener.accept(id));
        }
        return decision.desiredScale();
    }

    private int onTicker(java.util.concurrent.Callable<Integer> work) {
        try {
            return ticker.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deciding a revision's scale", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("deciding a revision's scale: " + e.getCause(), e.getCause());
        }
    }
}
