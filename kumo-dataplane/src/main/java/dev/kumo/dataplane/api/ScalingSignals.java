package dev.kumo.dataplane.api;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.autoscaler.metrics.LoadSample;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the router and the autoscaler tell each other, created before both and handed to both constructors, so
 * that neither holds the other. The router sends demand for instances, each revision's per-second
 * {@link LoadSample} and its cold starts to whoever receives them (receivers subscribe when they start); the
 * autoscaler sets whether the activator is in a revision's path, which the router reads on every request that may
 * wait (default: out of the path). Thread-safe; a failing receiver is logged and does not stop the others.
 */
public final class ScalingSignals {

    private static final Logger LOG = LoggerFactory.getLogger(ScalingSignals.class);

    private final List<Consumer<RevisionId>> demandReceivers = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<RevisionId, LoadSample>> loadReceivers = new CopyOnWriteArrayList<>();
    private final List<Consumer<ColdStart>> coldStartReceivers = new CopyOnWriteArrayList<>();
    /** One flag per revision the autoscaler or the router has named: a few bytes each, kept for the process. */
    private final Map<RevisionId, AtomicBoolean> activatorInPath = new ConcurrentHashMap<>();

    /**
     * Receives the router's demand signal: a request is held at a revision with no ready instance (again at most
     * once a second while requests are still held there). Runs on a router thread and must not block. Returns what
     * removes it.
     */
    public Runnable onDemand(Consumer<RevisionId> receiver) {
        demandReceivers.add(receiver);
        return () -> demandReceivers.remove(receiver);
    }

    /**
     * Receives, once a second per revision that had traffic or has ready instances, its load of the second before.
     * Runs on a router thread and must not block. Returns what removes it.
     */
    public Runnable onLoad(BiConsumer<RevisionId, LoadSample> receiver) {
        loadReceivers.add(receiver);
        return () -> loadReceivers.remove(receiver);
    }

    /**
     * Receives each request held at a revision with no ready instance that got its response head from an instance
     * (not one the router answered itself, e.g. 504). Runs on a router thread and must not block.
     */
    public void onColdStart(Consumer<ColdStart> receiver) {
        coldStartReceivers.add(receiver);
    }

    /** The router: a request waits at {@code revision} for want of a ready instance. */
    public void demand(RevisionId revision) {
        for (Consumer<RevisionId> receiver : demandReceivers) {
            try {
                receiver.accept(revision);
            } catch (RuntimeException e) {
                LOG.warn("the demand receiver failed for revision {}", revision, e);
            }
        }
    }

    /** The router: {@code revision}'s load over one second. */
    public void load(RevisionId revision, LoadSample sample) {
        for (BiConsumer<RevisionId, LoadSample> receiver : loadReceivers) {
            try {
                receiver.accept(revision, sample);
            } catch (RuntimeException e) {
                LOG.warn("the load receiver failed for revision {}", revision, e);
            }
        }
    }

    /** The router: a request held at zero was answered by an instance. */
    public void coldStart(ColdStart started) {
        for (Consumer<ColdStart> receiver : coldStartReceivers) {
            try {
                receiver.accept(started);
            } catch (RuntimeException e) {
                LOG.warn("the cold start receiver failed for revision {}", started.revision(), e);
            }
        }
    }

    /**
     * The autoscaler: puts the activator in the path of {@code revision} or takes it out (Knative: while the excess
     * burst capacity is negative). In the path, requests beyond containerConcurrency on every instance wait up to
     * {@link RouterConfig#maxHeldPerRevision()}; out of it, up to 10 × containerConcurrency per ready instance, the
     * rest get 503. Any thread; holds for a revision not routed yet.
     */
    public void activatorInPath(RevisionId revision, boolean inPath) {
        flag(revision).set(inPath);
    }

    /** Whether the activator is in the path of {@code revision} now. */
    public boolean activatorInPath(RevisionId revision) {
        AtomicBoolean flag = activatorInPath.get(revision);
        return flag != null && flag.get();
    }

    /** The live answer of {@link #activatorInPath(RevisionId)} for one revision, read without a map look-up. */
    public BooleanSupplier activatorPath(RevisionId revision) {
        return flag(revision)::get;
    }

    private AtomicBoolean flag(RevisionId revision) {
        return activatorInPath.computeIfAbsent(revision, id -> new AtomicBoolean());
    }
}
