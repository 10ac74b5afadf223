package dev.kumo.runtime.support;

import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceListener;
import dev.kumo.runtime.spi.InstanceLogs;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.StoppedLog;
import dev.kumo.runtime.spi.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A runtime's instances by id, their logs (kept after an instance stopped, for {@code kumo service logs}, until the
 * {@link LogRetention} drops them) and the listeners told of every change: the part of {@code WorkloadRuntime} that
 * every runtime implements alike.
 */
public final class InstanceTable {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceTable.class);

    private final Map<String, SupervisedInstance> instances = new ConcurrentHashMap<>();
    /** The instances whose Stopped the listeners are being told of: still {@link #supervised} meanwhile. */
    private final Map<String, SupervisedInstance> leaving = new ConcurrentHashMap<>();
    private final Map<String, FollowedLog> logs = new ConcurrentHashMap<>();
    /** When each instance whose log is still kept stopped. */
    private final Map<String, Instant> stopped = new ConcurrentHashMap<>();
    private final List<InstanceListener> listeners = new CopyOnWriteArrayList<>();
    private final InstantSource clock;
    private final LogRetention retention;

    public InstanceTable(InstantSource clock, LogRetention retention) {
        this.clock = clock;
        this.retention = retention;
    }

    /** Adds a new instance and its log; start its thread after. */
    public void add(String id, SupervisedInstance instance, FollowedLog log) {
        logs.put(id, log);
        instances.put(id, instance);
    }

    /** Keeps the log of an instance that stopped at {@code stoppedAt} before this table was made (a restart). */
    public void restore(FollowedLog log, Instant stoppedAt) {
        logs.put(log.instanceId(), log);
        stopped.put(log.instanceId(), stoppedAt);
    }

    /** {@code WorkloadRuntime.stop}: asks the instance to stop. */
    public CompletableFuture<Instance> stop(String instanceId) {
        SupervisedInstance instance = instances.get(instanceId);
        if (instance == null) {
            return CompletableFuture.failedFuture(new NoSuchElementException("no instance " + instanceId));
        }
        return instance.stop();
    }

    /** {@code WorkloadRuntime.instance}. */
    public Optional<Instance> instance(String instanceId) {
        return Optional.ofNullable(instances.get(instanceId)).map(SupervisedInstance::snapshot);
    }

    /**
     * The supervising side of a running instance, for what only its runtime can ask of it; also of one that just
     * stopped while its listeners are told, so that they can still read its last measurements (metering).
     */
    public Optional<SupervisedInstance> supervised(String instanceId) {
        return Optional.ofNullable(instances.get(instanceId)).or(() -> Optional.ofNullable(leaving.get(instanceId)));
    }

    /** {@code WorkloadRuntime.instances}. */
    public List<Instance> instances() {
        return instances.values().stream().map(SupervisedInstance::snapshot).toList();
    }

    /** {@code WorkloadRuntime.watch}. */
    public Subscription watch(InstanceListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** {@code WorkloadRuntime.logs}. */
    public Optional<InstanceLogs> logs(String instanceId) {
        expire();
        return Optional.ofNullable(logs.get(instanceId));
    }

    /** {@code WorkloadRuntime.stoppedLogs}. */
    public List<StoppedLog> stoppedLogs() {
        expire();
        List<StoppedLog> kept = new ArrayList<>();
        stopped.forEach((id, at) -> Optional.ofNullable(logs.get(id))
                .ifPresent(log -> kept.add(new StoppedLog(log.revision(), id, at, log))));
        kept.sort(Comparator.comparing(StoppedLog::stoppedAt));
        return kept;
    }

    /** Drops the logs of instances stopped longer than the retention ago; also done by every lookup. */
    public void expire() {
        Instant now = clock.instant();
        stopped.forEach((id, at) -> {
            if (retention.expired(at, now) && stopped.remove(id, at)) {
                Optional.ofNullable(logs.remove(id)).ifPresent(FollowedLog::discard);
            }
        });
    }

    /** What an instance publishes: a Stopped one leaves the table (its log is kept), every listener is told. */
    public void changed(Instance instance) {
        if (instance.state() instanceof InstanceState.Stopped(Instant at)) {
            SupervisedInstance gone = instances.remove(instance.id());
            if (gone != null) {
                leaving.put(instance.id(), gone);
            }
            FollowedLog log = logs.get(instance.id());
            if (log != null && stopped.putIfAbsent(instance.id(), at) == null) {
                log.stopped(at);
            }
            expire();
        }
        for (InstanceListener listener : listeners) {
            try {
                listener.changed(instance);
            } catch (RuntimeException e) {
                LOG.warn("an instance listener failed on {}: {}", instance.id(), e.toString());
            }
        }
        leaving.remove(instance.id()); // a stopped one, now that every listener was told
    }

    /**
     * Stops every instance and waits for all, at most the longest grace period plus {@code beyondGrace}; true when
     * all stopped in time ({@code what} names them in the warning otherwise).
     */
    public boolean stopAll(Duration beyondGrace, String what) {
        List<CompletableFuture<Instance>> stopping = new ArrayList<>();
        Duration longest = Duration.ZERO;
        for (SupervisedInstance instance : instances.values()) {
            stopping.add(instance.stop());
            longest = instance.grace().compareTo(longest) > 0 ? instance.grace() : longest;
        }
        Duration wait = longest.plus(beyondGrace);
        try {
            CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new))
                    .get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("not every {} stopped within {}: {}", what, wait, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
