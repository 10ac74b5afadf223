package dev.kumo.build.run;

import dev.kumo.build.spi.BuildOutcome;
import dev.kumo.build.spi.BuildOutput;
import dev.kumo.controller.engine.NamespacedName;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The builds running now, at most {@code slots} at a time (more wait their turn): each runs its strategy on the
 * executor, writes its log, and when it ends reports its key to {@code done} so that the reconciler records the
 * outcome. A job can be stopped, as cancelled or timed out; its strategy then kills its child processes.
 */
public final class BuildJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BuildJobs.class);
    private static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofSeconds(15);

    /** Why a job was stopped before it ended on its own. */
    public enum Stop { CANCELED, TIMED_OUT }

    private final ExecutorService executor;
    private final BuildLogs logs;
    private final Map<NamespacedName, Job> jobs = new ConcurrentHashMap<>();
    private volatile Consumer<NamespacedName> changed = key -> { };

    public BuildJobs(int slots, BuildLogs logs) {
        this.executor = Executors.newFixedThreadPool(slots, Thread.ofPlatform().name("build-", 0).daemon()
                .factory());
        this.logs = logs;
    }

    /** The job of {@code key}, running or ended and not yet forgotten. */
    public Optional<Job> job(NamespacedName key) {
        return Optional.ofNullable(jobs.get(key));
    }

    /** Work a job does: fetch the source, run the strategy. */
    @FunctionalInterface
    public interface Work {

        BuildOutcome run(BuildOutput output) throws InterruptedException;
    }

    /** Where the keys of jobs that started or ended are reported (the reconciler's queue). */
    public void onChange(Consumer<NamespacedName> listener) {
        this.changed = listener;
    }

    /** Starts {@code work} as the run {@code key}, to be stopped as timed out at {@code deadline}. */
    public Job start(NamespacedName key, Work work, Instant deadline) {
        BuildLogs.Writer log = logs.start(key);
        Job job = new Job(deadline, log);
        jobs.put(key, job);
        executor.submit(() -> {
            job.started = true;
            changed.accept(key);
            BuildOutcome outcome;
            try {
                outcome = job.stopped() ? new BuildOutcome.Cancelled() : work.run(job);
            } catch (InterruptedException e) {
                outcome = new BuildOutcome.Cancelled();
            } catch (RuntimeException e) {
                LOG.warn("build {} failed in Kumo", key, e);
                log.line("error: " + e.getMessage());
                outcome = new BuildOutcome.Failed(job.step(), "Failed", java.util.List.of("Kumo failed to run the "
                        + "build: " + e.getMessage()));
            }
            job.outcome.set(outcome);
            log.end();
            changed.accept(key);
        });
        return job;
    }

    /** Forgets an ended job (its outcome was recorded), or stops and forgets a running one. */
    public void forget(NamespacedName key) {
        Job job = jobs.remove(key);
        if (job != null && job.outcome().isEmpty()) {
            job.stop(Stop.CANCELED);
        }
    }

    @Override
    public void close() {
        jobs.values().forEach(job -> job.stop(Stop.CANCELED));
        executor.shutdownNow();
        try {
            // the strategies kill their child processes once stopped; wait for that rather than leave them behind
            executor.awaitTermination(CLOSE_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One build: the strategy's {@link BuildOutput}, its deadline, its outcome once ended. */
    public static final class Job implements BuildOutput {

        private final Instant deadline;
        private final BuildLogs.Writer log;
        private final AtomicReference<BuildOutcome> outcome = new AtomicReference<>();
        private final AtomicReference<Stop> stop = new AtomicReference<>();
        private volatile String step = "build";
        private volatile boolean started;

        private Job(Instant deadline, BuildLogs.Writer log) {
            this.deadline = deadline;
            this.log = log;
        }

        public Instant deadline() {
            return deadline;
        }

        /** Whether the strategy has started (not waiting for a slot). */
        public boolean started() {
            return started;
        }

        public Optional<BuildOutcome> outcome() {
            return Optional.ofNullable(outcome.get());
        }

        /** Why it was stopped, if it was. */
        public Optional<Stop> stopReason() {
            return Optional.ofNullable(stop.get());
        }

        /** Stops it: the strategy sees {@link #cancelled()}; one waiting for a slot never starts. */
        public void stop(Stop why) {
            stop.compareAndSet(null, why);
        }

        boolean stopped() {
            return stop.get() != null;
        }

        /** The step running now (the last the strategy named). */
        public String step() {
            return step;
        }

        @Override
        public void step(String name) {
            step = name;
            log.line("[" + name + "]");
        }

        @Override
        public void line(String text) {
            log.line(text);
        }

        @Override
        public boolean cancelled() {
            return stopped();
        }
    }
}
