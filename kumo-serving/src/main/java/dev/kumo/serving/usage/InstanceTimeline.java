package dev.kumo.serving.usage;

import dev.kumo.runtime.spi.ResourceSample;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The instances running now and when their time was last counted; pure, the time is always an argument. An
 * instance's time goes to the {@link UsageLedger} when it stops and at each {@link #accrue} (the periodic flush):
 * seconds, times its memory limit (else the memory last measured), times its CPU limit; without a CPU limit its CPU
 * time is what the runtime measured, counted as it grows.
 */
public final class InstanceTimeline {

    private static final double GIB = 1024.0 * 1024 * 1024;

    /** An instance's limits, where set: memory in GiB, CPU in cores. */
    public record Sizing(OptionalDouble memoryGib, OptionalDouble cpus) {

        public static final Sizing NONE = new Sizing(OptionalDouble.empty(), OptionalDouble.empty());
    }

    private static final class Running {
        final UsageKey key;
        final Sizing sizing;
        Instant since;
        Duration cpuSeen = Duration.ZERO;
        double memoryGibSeen;

        Running(UsageKey key, Sizing sizing, Instant since) {
            this.key = key;
            this.sizing = sizing;
            this.since = since;
        }
    }

    private final UsageLedger ledger;
    private final Map<String, Running> running = new HashMap<>();

    public InstanceTimeline(UsageLedger ledger) {
        this.ledger = ledger;
    }

    /** Instance {@code id} of {@code key} runs at {@code at}; counted from then unless it already ran. */
    public synchronized void running(String id, UsageKey key, Sizing sizing, Instant at) {
        running.putIfAbsent(id, new Running(key, sizing, at));
    }

    /** Instance {@code id} stopped (or no longer runs) at {@code at}: its time up to then is counted. */
    public synchronized void stopped(String id, Instant at) {
        Running instance = running.remove(id);
        if (instance != null) {
            count(instance, at);
        }
    }

    /** What the runtime measured of instance {@code id} at {@code at}: CPU time without a CPU limit, memory. */
    public synchronized void measured(String id, ResourceSample sample, Instant at) {
        Running instance = running.get(id);
        if (instance == null) {
            return;
        }
        if (instance.sizing.cpus().isEmpty() && sample.cpuTime().compareTo(instance.cpuSeen) > 0) {
            Duration more = sample.cpuTime().minus(instance.cpuSeen);
            ledger.add(instance.key, at, UsageCounts.cpu(more.toNanos() / 1e9));
            instance.cpuSeen = sample.cpuTime();
        }
        sample.memoryBytes().ifPresent(bytes -> instance.memoryGibSeen = bytes / GIB);
    }

    /** Counts every running instance's time up to {@code now}. */
    public synchronized void accrue(Instant now) {
        running.values().forEach(instance -> count(instance, now));
    }

    /** The ids of the instances running. */
    public synchronized Set<String> ids() {
        return Set.copyOf(running.keySet());
    }

    private void count(Running instance, Instant until) {
        if (until.isAfter(instance.since)) {
            ledger.addRun(instance.key, instance.since, until,
                    instance.sizing.memoryGib().orElse(instance.memoryGibSeen), instance.sizing.cpus().orElse(-1));
            instance.since = until;
        }
    }
}
