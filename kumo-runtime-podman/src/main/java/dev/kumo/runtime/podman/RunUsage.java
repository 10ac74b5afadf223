package dev.kumo.runtime.podman;

import dev.kumo.runtime.spi.ResourceSample;
import java.time.Duration;
import java.util.Optional;

/**
 * An instance's use over all its runs, from podman's samples of one run's container at a time: each new container's
 * CPU time starts again from zero, so the runs before are carried over; a late answer about an earlier run's
 * container, or one below what its container was already seen to use, is ignored.
 */
final class RunUsage {

    private String container = "";
    private Duration earlierRuns = Duration.ZERO;
    private Duration thisRun = Duration.ZERO;
    private Optional<ResourceSample> total = Optional.empty();

    /** A new run's {@code container} serves from now on; the CPU time of the run before is kept. */
    synchronized void newRun(String container) {
        earlierRuns = earlierRuns.plus(thisRun);
        thisRun = Duration.ZERO;
        this.container = container;
    }

    /** What {@code container} was measured to use (its CPU time since it started, its memory now). */
    synchronized void sampled(String container, ResourceSample sample) {
        if (!container.equals(this.container) || sample.cpuTime().compareTo(thisRun) < 0) {
            return;
        }
        thisRun = sample.cpuTime();
        total = Optional.of(new ResourceSample(earlierRuns.plus(thisRun), sample.memoryBytes()));
    }

    /** The instance's CPU time over all its runs and the memory last measured; empty until a first sample. */
    synchronized Optional<ResourceSample> total() {
        return total;
    }
}
