package dev.kumo.runtime.process;

import dev.kumo.runtime.support.ColdStartStages;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.ResourceSample;
import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.spi.ProbeSpec;
import dev.kumo.runtime.spi.ProcessWorkload;
import dev.kumo.runtime.spi.Termination;
import dev.kumo.runtime.support.StartPolling;
import dev.kumo.runtime.support.SupervisedInstance;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one instance running on its own virtual thread: launches the process, probes it, restarts it with backoff
 * when it exits or fails liveness, and on stop terminates its tree and publishes {@link InstanceState.Stopped}.
 */
final class Supervisor extends SupervisedInstance {

    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);
    /**
     * How long after Ready the run's record is brought up to date: its {@code /proc} reads and file write (0.2–5 ms)
     * would otherwise share the machine's cores with the first request's release, connection and answer.
     */
    static final Duration RECORD_AFTER_READY = Duration.ofMillis(100);

    private final String id;
    private final ProcessWorkload spec;
    private final ProcessRuntimeConfig config;
    private final Run.LaunchRequest launch;
    private final Cgroups cgroups;
    private final InstanceAddress address;
    private final Consumer<Instance> publisher;
    private final Prober prober;
    /** A launcher made ahead for the first run, in the instance's containment; empty once used. */
    private Optional<Launcher> ahead;
    /** The containment the launcher made ahead runs in, which the instance keeps. */
    private final Optional<Containment> containedAhead;
    /** The first run, when {@link #goAhead} started it from the launcher before this thread ran. */
    private volatile Optional<Run> first = Optional.empty();
    /**
     * Counted down once the first run {@link #goAhead} started is told Starting by the starting thread
     * ({@link #tellFirstStart}): this thread's own publishes wait for it, so watchers see the changes in order.
     */
    private final CountDownLatch firstStartTold = new CountDownLatch(1);
    /** When the run {@link #goAhead} started began, for {@link #tellFirstStart}; empty when none started. */
    private Optional<Instant> firstStartedAt = Optional.empty();
    /** Whether nothing held the instance's port just before the current run started (see {@link OwnershipCheck}). */
    private volatile boolean portFreeAtStart;
    private int restarts;
    private int consecutiveCrashes;
    /** How the last run ended, kept while later runs serve (Kubernetes' {@code lastState.terminated}). */
    private Optional<Termination> lastTermination = Optional.empty();
    /** The containment and the run going now, for {@link #resources}. */
    private volatile Optional<Containment> measuredIn = Optional.empty();
    private volatile Optional<Run> currentRun = Optional.empty();
    private volatile Optional<ResourceSample> lastSample = Optional.empty();
    /** Set as a run is seen to have exited: what its ports tell of why (see {@link RunWatch#portsOnExit}). */
    private Optional<PortConflict> exitConflict = Optional.empty();

    Supervisor(String id, ProcessWorkload spec, ProcessRuntimeConfig config, Run.LaunchRequest launch, Cgroups cgroups,
            int port, Prober prober, Optional<Launcher> ahead, Consumer<Instance> publisher) {
        super(new Instance(id, spec.revision(), new InstanceState.Starting(config.clock().instant(),
                Optional.empty()), 0), spec.terminationGracePeriod());
        this.id = id;
        this.prober = prober;
        this.spec = spec;
        this.config = config;
        this.launch = launch;
        this.cgroups = cgroups;
        this.address = InstanceAddress.loopback(port);
        this.publisher = publisher;
        this.ahead = ahead;
        this.containedAhead = ahead.map(Launcher::containment);
    }

    /**
     * Lets the launcher made ahead run the workload now, on the caller's thread: a start from zero then does not
     * wait for this supervisor's thread to be scheduled first. Called once, before {@link #run}.
     */
    void goAhead() {
        portFreeAtStart = ahead.isPresent(); // taken only if usable(): its port was found free just now
        first = ahead.flatMap(launcher -> launcher.go(config.clock().instant(), wakeup::signal));
        if (first.isPresent()) {
            ahead = Optional.empty();
        }
        firstStartedAt = first.map(Run::startedAt);
    }

    /**
     * Publishes the Starting of the run {@link #goAhead} started, on the starting thread, after {@link #run}'s thread
     * was started: the watchers' work overlaps the workload's own start and this thread's first looks at its port,
     * instead of coming before them. Called once, after {@link #goAhead}, whether a run started or not.
     */
    void tellFirstStart() {
        try {
            firstStartedAt.ifPresent(at -> {
                publishNow(new InstanceState.Starting(at, Optional.empty()));
                stage("starting-published");
            });
        } finally {
            firstStartTold.countDown();
        }
    }

    @Override
    public void run() {
        Optional<Containment> containment = Optional.empty();
        try {
            containment = containedAhead.isPresent() ? containedAhead : contain();
            if (containment.isPresent()) {
                superviseUntilStoppedOrFailed(containment.get());
            }
            awaitStopRequest(config.clock());
        } catch (RuntimeException e) {
            publish(new InstanceState.Failed(termination("supervising the instance failed: " + e,
                    OptionalInt.empty())));
        } finally {
            ahead.ifPresent(Launcher::cancel); // stopped before its first run: the rest is released here
            resources(); // the cgroup's last count, before it goes
            containment.ifPresent(Containment::release);
            launch.log().close();
            FileTrees.delete(launch.tmpDir());
            publish(new InstanceState.Stopped(config.clock().instant()));
            stopped();
        }
    }

    /**
     * What the instance has used: its cgroup's CPU time and memory where the kernel counts them, else the CPU time
     * of the current run's live processes (a sample: the time of processes that ended is not in it). The last
     * sample is kept, so that it is still known as the instance is seen to stop.
     */
    Optional<ResourceSample> resources() {
        Optional<ResourceSample> now = measuredIn.flatMap(Containment::cgroup).flatMap(InstanceCgroup::usage)
                .or(() -> currentRun.filter(run -> run.process().isAlive()).map(run -> {
                    ProcessHandle root = run.process().toHandle();
                    Duration cpu = Stream.concat(Stream.of(root), root.descendants())
                            .map(handle -> handle.info().totalCpuDuration().orElse(Duration.ZERO))
                            .reduce(Duration.ZERO, Duration::plus);
                    return new ResourceSample(cpu, OptionalLong.empty());
                }));
        Optional<ResourceSample> last = lastSample;
        if (now.isPresent() && (last.isEmpty() || now.get().cpuTime().compareTo(last.get().cpuTime()) >= 0)) {
            lastSample = now;
        }
        return lastSample;
    }

    private Optional<Containment> contain() {
        try {
            return Optional.of(Containment.prepare(cgroups, id, spec.limits(), launch.identity()));
        } catch (IOException e) {
            publish(new InstanceState.Failed(termination("cannot contain the instance: " + e.getMessage(),
                    OptionalInt.empty())));
            return Optional.empty();
        }
    }

    private void superviseUntilStoppedOrFailed(Containment containment) {
        // A first run already going is watched even when a stop came first: the watch then ends it properly.
        while (!stopRequested || first.isPresent()) {
            Run run;
            long oomKillsBefore = containment.oomKills();
            boolean told = first.isPresent(); // the starting thread tells its Starting (tellFirstStart)
            try {
                if (first.isEmpty()) {
                    portFreeAtStart = PortAllocator.isFree(address.port());
                }
                Optional<Run> launched = first.or(() -> ahead.flatMap(launcher -> launcher.go(
                        config.clock().instant(), wakeup::signal)));
                first = Optional.empty();
                ahead = Optional.empty();
                run = launched.isPresent() ? launched.get()
                        : Run.launch(launch, containment, config.clock().instant(), wakeup::signal);
            } catch (IOException e) {
                publish(new InstanceState.Failed(termination("cannot start " + spec.commandLine().getFirst() + ": "
                        + e.getMessage(), OptionalInt.empty())));
                return;
            }
            measuredIn = Optional.of(containment);
            currentRun = Optional.of(run);
            launch.log().runStarted(run.startedAt());
            stage("supervising");
            if (!told) {
                publish(new InstanceState.Starting(run.startedAt(), Optional.empty()));
                stage("starting-published");
            }
            Ending ending = new RunWatch(run, containment).until();
            Optional<Termination> termination = finish(run, ending, containment.oomKills() > oomKillsBefore);
            if (termination.isEmpty()) {
                return;
            }
            backOff(run, termination.get());
        }
    }

    private Optional<Termination> finish(Run run, Ending ending, boolean oomKilled) {
        if (!(ending instanceof Ending.Exited)) {
            run.tree().terminate();
            run.tree().awaitRootExit(spec.terminationGracePeriod());
        }
        run.tree().kill(ProcessRuntimeConfig.killWait());
        run.drainLog();
        InstanceRecord.delete(config.recordDir(), id);
        OptionalInt exitCode = run.process().isAlive() ? OptionalInt.empty()
                : OptionalInt.of(run.process().exitValue());
        return switch (ending) {
            case Ending.StopRequested stop -> Optional.empty();
            case Ending.Exited exited -> Optional.of(oomKilled
                    ? oomKilled(exitCode)
                    : termination("the process exited", exitCode));
            case Ending.LivenessFailed failed -> Optional.of(termination("liveness probe failed "
                    + spec.liveness().map(ProbeSpec::failureThreshold).orElse(0) + " times, the process was "
                    + "restarted: " + failed.lastFailure(), exitCode));
        };
    }

    /** Waits out the back-off; a run that exited while its containerPort was held shows as that port conflict. */
    private void backOff(Run run, Termination termination) {
        restarts++;
        lastTermination = Optional.of(termination);
        if (termination.oomKilled()) {
            reportOomKill(termination);
        }
        CrashBackoff.Restart restart = config.backoff().next(consecutiveCrashes, run.startedAt(), termination.at());
        consecutiveCrashes = restart.consecutiveCrashes();
        publish(exitConflict.<InstanceState>map(conflict -> new InstanceState.Unhealthy(termination.at(),
                conflict.reason(), conflict.message() + "; " + termination.message()))
                .orElse(new InstanceState.CrashLoopBackOff(restarts, restart.at(), termination)));
        while (!stopRequested && config.clock().instant().isBefore(restart.at())) {
            wakeup.awaitUntil(restart.at(), config.clock());
        }
    }

    private Termination termination(String reason, OptionalInt exitCode) {
        List<String> lines = launch.log().tail(config.failureLogLines()).stream().map(LogLine::text).toList();
        return new Termination(reason, exitCode, lines, config.clock().instant());
    }

    private Termination oomKilled(OptionalInt exitCode) {
        Termination plain = termination("OOMKilled: the kernel killed the process for using more than its memory "
                + "limit of " + spec.limits().memoryBytes().orElse(0) + " bytes (resources.limits.memory)", exitCode);
        return new Termination(plain.reason(), plain.exitCode(), plain.lastLogLines(), plain.at(), true);
    }

    /**
     * Says once in the server's log and in the instance's own (so {@code kumo service logs} shows it) that the
     * kernel killed the run over its memory limit: a run that served before shows it nowhere else once it serves
     * again.
     */
    private void reportOomKill(Termination termination) {
        String line = "container was OOMKilled (over resources.limits.memory "
                + spec.limits().memoryBytes().stream().mapToObj(Supervisor::quantity).findFirst().orElse("?")
                + "), exit code " + termination.exitCode().stream().mapToObj(String::valueOf).findFirst().orElse("?")
                + "; restarting";
        LOG.warn("instance {} of revision {}/{}: {}", id, spec.revision().namespace(), spec.revision().revision(),
                line);
        launch.log().append("[kumo] " + line);
    }

    /** Bytes as the largest binary Kubernetes quantity that divides them (64Mi), else plain bytes. */
    static String quantity(long bytes) {
        String[] suffixes = {"Ei", "Pi", "Ti", "Gi", "Mi", "Ki"};
        for (int i = 0; i < suffixes.length; i++) {
            long unit = 1L << (10 * (suffixes.length - i));
            if (bytes % unit == 0) {
                return bytes / unit + suffixes[i];
            }
        }
        return String.valueOf(bytes);
    }

    private void stage(String stage) {
        ColdStartStages.reached(spec.revision().namespace(), spec.revision().revision(), stage);
    }

    /** Publishes from this instance's thread, after the first run's Starting (see {@link #tellFirstStart}). */
    private void publish(InstanceState state) {
        boolean interrupted = false;
        while (firstStartTold.getCount() > 0) {
            try {
                firstStartTold.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        publishNow(state);
    }

    private void publishNow(InstanceState state) {
        current = new Instance(id, spec.revision(), state, restarts, lastTermination);
        publisher.accept(current);
    }

    /** Watches one run: probes on schedule until the process exits, liveness fails, or a stop is requested. */
    private final class RunWatch {

        private static final Duration TREE_SCAN_PERIOD = Duration.ofSeconds(1);
        /** How long a port conflict must last before the instance shows as unhealthy: starts open ports in turn. */
        private static final Duration CONFLICT_HOLD = Duration.ofSeconds(2);
        /** How long a start is looked at fast (under a default readiness probe) before the schedule alone decides. */
        private static final Duration START_POLLING = Duration.ofSeconds(1);

        private final Run run;
        private final Containment containment;
        private final ProbeSchedule readiness;
        /** The fast looks of the start, for the default readiness probe (Knative's, without a period). */
        private final Optional<StartPolling> startPolling;
        private final Optional<ProbeSchedule> liveness;
        private Instant nextReadiness;
        private Instant nextLiveness;
        private Instant nextTreeScan;
        /** When the record is brought up to date after Ready ({@link #RECORD_AFTER_READY}); MAX when not due. */
        private Instant nextRecord = Instant.MAX;
        private boolean ready;
        private int readinessFailures;
        private int livenessFailures;
        private Optional<String> lastReadinessFailure = Optional.empty();
        private Optional<InstanceRecord> recorded = Optional.empty();
        /** The run's record is not written yet: see the constructor. */
        private boolean recordDeferred;
        private final InstancePorts ports = new InstancePorts(address.port(), spec.containerPort());
        private final PortCheck portCheck;
        private Optional<Instant> conflictSince = Optional.empty();
        private boolean unhealthy;
        private boolean everReady;
        private final OwnershipCheck ownership = new OwnershipCheck(address.port(), portFreeAtStart);
        /** Ready was published without the ownership check, which the next probe makes. */
        private boolean readyUnverified;

        RunWatch(Run run, Containment containment) {
            this.run = run;
            this.containment = containment;
            this.readiness = new ProbeSchedule(spec.readiness(), run.startedAt(), ProbeSchedule.Kind.READINESS);
            this.liveness = spec.liveness().map(probe -> new ProbeSchedule(probe, run.startedAt(),
                    ProbeSchedule.Kind.LIVENESS));
            this.nextReadiness = readiness.first();
            this.startPolling = StartPolling.keepingConnection(spec.readiness(), readiness.first(), START_POLLING);
            this.nextLiveness = Instant.MAX;
            this.nextTreeScan = run.startedAt().plus(TREE_SCAN_PERIOD);
            this.portCheck = PortCheck.onThisHost(run.tree(), ports, config.clock());
            exitConflict = Optional.empty();
            // Under the start's looks, written at the first look that finds nothing accepting yet, or after Ready:
            // off the start's path.
            recordDeferred = startPolling.isPresent();
            if (!recordDeferred) {
                record();
            }
            stage("watching");
        }

        Ending until() {
            while (true) {
                if (stopRequested) {
                    return new Ending.StopRequested();
                }
                if (!run.process().isAlive()) {
                    exitConflict = portsOnExit();
                    return new Ending.Exited(run.process().exitValue());
                }
                Instant now = config.clock().instant();
                if (!now.isBefore(nextReadiness)) {
                    probeReadiness();
                }
                if (!now.isBefore(nextLiveness)) {
                    Optional<Ending> failed = probeLiveness();
                    if (failed.isPresent()) {
                        return failed.get();
                    }
                }
                if (!now.isBefore(nextTreeScan)) {
                    run.tree().refresh();
                    record();
                    nextTreeScan = now.plus(TREE_SCAN_PERIOD);
                }
                if (!now.isBefore(nextRecord)) {
                    nextRecord = Instant.MAX;
                    record();
                    stage("recorded");
                }
                wakeup.awaitUntil(earliest(earliest(nextReadiness, nextLiveness), earliest(nextTreeScan, nextRecord)),
                        config.clock());
            }
        }

        private void probeReadiness() {
            ProbeSpec probe = spec.readiness();
            int port = ports.target(probe.probe());
            if (awaitingListen(port)) {
                return;
            }
            // The start's accepted look is the first probe's connection: the workload is connected to once.
            Optional<Socket> accepted = startPolling.flatMap(StartPolling::takeConnection);
            if (accepted.isPresent()) {
                stage("accepted");
            }
            boolean checkOwner = ready || ownership.beforeReady(port);
            ProbeOutcome outcome = accepted.isPresent()
                    ? prober.probeOn(accepted.get(), probe.probe(), port, probe.timeout(),
                            checkOwner ? Optional.of(portCheck) : Optional.empty(), ready)
                    : prober.probe(probe.probe(), port, probe.timeout(), portCheck, ready);
            Instant now = config.clock().instant();
            boolean verifying = readyUnverified;
            readyUnverified = false;
            Optional<String> failure = outcome.failure();
            Optional<PortConflict> lasting = lastingConflict(outcome, now);
            if (failure.isEmpty()) {
                readinessFailures = 0;
                if (!ready) {
                    ready = true;
                    everReady = true;
                    unhealthy = false;
                    lastReadinessFailure = Optional.empty();
                    startLiveness(now);
                    stage("ready");
                    publish(new InstanceState.Ready(address, now, run.startedAt()));
                    recordDeferred = false;
                    if (recorded.isEmpty()) {
                        record(); // nothing names the run on disk yet: a server dying now would leave it unknown
                    } else {
                        // Later, off the first request's path: the record of the run's start (written at the first
                        // look that found nothing accepting) already names its pid for a later server.
                        nextRecord = now.plus(RECORD_AFTER_READY);
                    }
                    readyUnverified = accepted.isPresent() && !checkOwner;
                }
            } else {
                readinessFailures++;
                if (ready && (readinessFailures >= probe.failureThreshold()
                        || verifying && outcome instanceof ProbeOutcome.Conflicted)) {
                    ready = false;
                    lastReadinessFailure = failure;
                    publish(new InstanceState.Starting(now, failure));
                } else if (!ready && lasting.isPresent()) {
                    if (!unhealthy || !failure.equals(lastReadinessFailure)) {
                        unhealthy = true;
                        lastReadinessFailure = failure;
                        publish(new InstanceState.Unhealthy(conflictSince.orElse(now), lasting.get().reason(),
                                lasting.get().message()));
                    }
                } else if (!ready && (unhealthy || !failure.equals(lastReadinessFailure))) {
                    unhealthy = false;
                    lastReadinessFailure = failure;
                    publish(new InstanceState.Starting(run.startedAt(), failure));
                }
            }
            nextReadiness = readyUnverified ? OwnershipCheck.verifyAt(now) : readiness.after(now, ready);
        }

        /**
         * In the start's polling window: whether nothing accepts at {@code port} yet, the next look then scheduled.
         * Refusals seen this way are not probe failures: explaining one reads /proc (milliseconds), and a start
         * looked at every millisecond is refused many times; the probes after the window explain them as before.
         */
        private boolean awaitingListen(int port) {
            Optional<Instant> look = startPolling.flatMap(polling -> polling.nextLook(port, config.clock().instant()));
            look.ifPresent(next -> nextReadiness = next);
            if (look.isPresent() && recordDeferred) {
                recordDeferred = false;
                record(); // while the workload is still starting: time this thread would wait anyway
            }
            return look.isPresent();
        }

        /** The probe's port conflict once it has lasted {@link #CONFLICT_HOLD}; notes when a conflict starts. */
        private Optional<PortConflict> lastingConflict(ProbeOutcome outcome, Instant now) {
            if (!(outcome instanceof ProbeOutcome.Conflicted conflicted)) {
                conflictSince = Optional.empty();
                return Optional.empty();
            }
            if (conflictSince.isEmpty()) {
                conflictSince = Optional.of(now);
            }
            return now.isBefore(conflictSince.get().plus(CONFLICT_HOLD)) ? Optional.empty()
                    : Optional.of(conflicted.conflict());
        }

        /** Why the run exited, as far as ports tell: a run never ready whose containerPort another process holds. */
        private Optional<PortConflict> portsOnExit() {
            return everReady ? Optional.empty() : portCheck.exited();
        }

        // Liveness counts only once the instance was ready, so a slow starter is not killed before it listens
        // (Kubernetes needs a startupProbe for that, which Knative does not offer).
        private void startLiveness(Instant now) {
            if (nextLiveness.equals(Instant.MAX)) {
                nextLiveness = liveness.map(schedule -> schedule.first().isAfter(now) ? schedule.first() : now)
                        .orElse(Instant.MAX);
            }
        }

        // The record is written again when the executable changes: wrappers and shims (pyenv, rbenv) exec the
        // real program after start, and a record must name what a later server would find.
        private void record() {
            Optional<InstanceRecord> now = InstanceRecord.of(id, run.process().toHandle(),
                    containment.cgroup().map(InstanceCgroup::dirs).orElse(List.of()), containment.bySession());
            if (now.isPresent() && !now.equals(recorded)) {
                now.get().write(config.recordDir());
                recorded = now;
            }
        }

        private Optional<Ending> probeLiveness() {
            ProbeSpec probe = spec.liveness().orElseThrow();
            Optional<String> failure = prober.probe(probe.probe(), ports.target(probe.probe()), probe.timeout(),
                    portCheck, ready).failure();
            nextLiveness = liveness.orElseThrow().after(config.clock().instant(), ready);
            livenessFailures = failure.isEmpty() ? 0 : livenessFailures + 1;
            return livenessFailures >= probe.failureThreshold()
                    ? Optional.of(new Ending.LivenessFailed(failure.orElseThrow()))
                    : Optional.empty();
        }

        private static Instant earliest(Instant a, Instant b) {
            return a.isBefore(b) ? a : b;
        }
    }
}
