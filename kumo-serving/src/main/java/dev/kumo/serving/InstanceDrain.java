package dev.kumo.serving;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.WorkloadRuntime;
import dev.kumo.store.ResourceStore;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.ToIntBiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scale-in without failing a request: an instance chosen to go is first taken out of the router's endpoints, then
 * stopped once the requests it already took have finished (or after the revision's timeout, when none can still
 * be answered in time).
 */
final class InstanceDrain {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceDrain.class);
    private static final Duration POLL = Duration.ofMillis(20);
    /** Knative's default {@code timeoutSeconds} (config-defaults' revision-timeout-seconds). */
    private static final long DEFAULT_TIMEOUT_SECONDS = 300;

    private final WorkloadRuntime runtime;
    private final ToIntBiFunction<RevisionId, InstanceAddress> inFlight;
    private final Set<String> draining = ConcurrentHashMap.newKeySet();
    private volatile Consumer<RevisionId> endpointsChanged = revision -> { };

    InstanceDrain(WorkloadRuntime runtime, ToIntBiFunction<RevisionId, InstanceAddress> inFlight) {
        this.runtime = runtime;
        this.inFlight = inFlight;
    }

    /** Registers who recomputes a revision's endpoints once an instance starts draining. */
    void onDraining(Consumer<RevisionId> listener) {
        this.endpointsChanged = listener;
    }

    /** Whether the instance is being drained (and so is no endpoint). */
    boolean draining(String instanceId) {
        return draining.contains(instanceId);
    }

    /** How long a drained instance may finish its requests: its Revision's {@code timeoutSeconds}, if set. */
    static Duration graceOf(Optional<Long> timeoutSeconds) {
        return Duration.ofSeconds(timeoutSeconds.orElse(DEFAULT_TIMEOUT_SECONDS));
    }

    /**
     * Drains then stops {@code instance} with the grace scale-in gives it ({@link #graceOf}), its Revision read from
     * {@code store}: how a Pod deleted by a client lets the requests it took finish.
     */
    void drainWithRevisionGrace(Instance instance, ResourceStore store) {
        Optional<Long> timeout = store.get(ResourceTypes.REVISION, instance.revision().namespace(),
                instance.revision().revision()).map(revision -> revision.path("spec").path("timeoutSeconds"))
                .filter(JsonNode::canConvertToLong).map(JsonNode::asLong);
        drain(instance, graceOf(timeout));
    }

    /** Drains then stops {@code instance}; idempotent. */
    void drain(Instance instance, Duration timeout) {
        if (!draining.add(instance.id())) {
            return;
        }
        RevisionId revision = new RevisionId(instance.revision().namespace(), instance.revision().revision());
        endpointsChanged.accept(revision);
        Thread.ofVirtual().name("drain-" + instance.id()).start(() -> {
            instance.address().ifPresent(address -> awaitIdle(revision, address, timeout));
            runtime.stop(instance.id()).whenComplete((stopped, error) -> draining.remove(instance.id()));
        });
    }

    private void awaitIdle(RevisionId revision, InstanceAddress address, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.applyAsInt(revision, address) > 0) {
            if (System.nanoTime() > deadline) {
                LOG.warn("{}: instance {} still had requests in flight after {}s; stopping it", revision, address,
                        timeout.toSeconds());
                return;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }
}
