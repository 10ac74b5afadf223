package dev.kumo.serving.deployments;

import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceState;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Kubernetes' {@code minReadySeconds} (pure, the time an argument): an instance counts as available once it has been
 * ready that long; until then it is ready but not available, for the status, the rollout's pace and Available.
 */
public final class Availability {

    private Availability() {
    }

    /** Whether {@code instance} is available at {@code now} after being ready for {@code minReady}. */
    public static boolean available(Instance instance, Duration minReady, Instant now) {
        return instance.state() instanceof InstanceState.Ready ready && !ready.since().plus(minReady).isAfter(now);
    }

    /** How soon the first of {@code instances} that is ready but not yet available becomes available. */
    public static Optional<Duration> next(Collection<Instance> instances, Duration minReady, Instant now) {
        return instances.stream().map(Instance::state).filter(InstanceState.Ready.class::isInstance)
                .map(s -> ((InstanceState.Ready) s).since().plus(minReady)).filter(at -> at.isAfter(now))
                .min(Instant::compareTo).map(at -> Duration.between(now, at));
    }

    /** A Deployment's {@code spec.minReadySeconds} as a duration (0 when not given). */
    public static Duration minReady(Integer minReadySeconds) {
        return Duration.ofSeconds(minReadySeconds == null ? 0 : Math.max(0, minReadySeconds));
    }
}
