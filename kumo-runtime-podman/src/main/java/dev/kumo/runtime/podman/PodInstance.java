package dev.kumo.runtime.podman;

import dev.kumo.runtime.support.RotatingLog;
import dev.kumo.runtime.process.CrashBackoff;
import dev.kumo.runtime.spi.ContainerHealth;
import dev.kumo.runtime.spi.ImagePull;
import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.ProbeSpec;
import dev.kumo.runtime.spi.ResourceSample;
import dev.kumo.runtime.spi.Termination;
import dev.kumo.runtime.support.StartPolling;
import dev.kumo.runtime.support.SupervisedInstance;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one instance running on its own virtual thread, as the process runtime's supervisor does: makes its pod,
 * runs the workload container in it, probes it through the published loopback ports, runs a new container with
 * Kubernetes' backoff when one exits or fails liveness, and on stop stops the container (SIGTERM through its init,
 * the grace period, then SIGKILL), removes the pod and publishes {@link InstanceState.Stopped}.
 */
final class PodInstance extends SupervisedInstance {

    private static final Logger LOG = LoggerFactory.getLogger(PodInstance.class);
    private static final int SIGKILL_EXIT = 137;
    /** How long a run's last sample may take before its container is stopped (a one-shot stats call: ~50 ms). */
    private static final Duration LAST_SAMPLE_WAIT = Duration.ofSeconds(2);

    private final String id;
    private final ImageWorkload spec;
    private final PodmanRuntimeConfig config;
    private final Supplier<CompletableFuture<PodmanClient>> podman;
    private final Map<String, String> labels;
    private final String pod;
    private final RotatingLog log;
    private final VolumeDirs volumeDirs;
    private InstanceVolumes volumes;
    private final Consumer<Instance> publisher;
    private final Sidecars sidecars;
    private int restarts;
    private int consecutiveCrashes;
    private Optional<Termination> lastTermination = Optional.empty();
    private Optional<WarmPod> warm = Optional.empty();
    /** How this instance's images were had, in the order they were ({@link Instance#images}). */
    private final List<ImagePull> images = new CopyOnWriteArrayList<>();
    /** The current run's container, and what the runs were measured to use ({@link #resources}). */
    private volatile Optional<String> runningContainer = Optional.empty();
    private final RunUsage usage = new RunUsage();
    private final AtomicBoolean statsAsked = new AtomicBoolean();
    /** The output of the current run, read from its log file. */
    private volatile ContainerLogFile output;

    PodInstance(String id, ImageWorkload spec, PodmanRuntimeConfig config,
            Supplier<CompletableFuture<PodmanClient>> podman, String dataDirKey,
            RotatingLog log, VolumeDirs volumeDirs, Consumer<Instance> publisher) {
        super(new Instance(id, spec.revision(), new InstanceState.Starting(config.clock().instant(),
                Optional.empty()), 0), spec.terminationGracePeriod());
        this.id = id;
        this.spec = spec;
        this.config = config;
        this.podman = podman;
        this.labels = PodLabels.of(dataDirKey, spec.revision(), id);
        this.pod = PodLabels.podName(dataDirKey, id);
        this.log = log;
        this.volumeDirs = volumeDirs;
        this.volumes = InstanceVolumes.none(id);
        this.publisher = publisher;
        this.sidecars = new Sidecars(spec, config, pod, labels, log, this::republish);
    }

    /** Runs in {@code pod}, made ahead for this instance's id, instead of making one; before {@link #run}. */
    void takeOver(WarmPod pod) {
        this.warm = Optional.of(pod);
    }

    /** Asks the instance and its sidecars to stop; the future completes with its Stopped snapshot. */
    @Override
    public CompletableFuture<Instance> stop() {
        CompletableFuture<Instance> done = super.stop();
        sidecars.stop();
        return done;
    }

    @Override
    public void run() {
        Optional<PodmanClient> client = Optional.empty();
        try {
            client = reach();
            if (client.isPresent()) {
                startPod(client.get());
            }
            awaitStopRequest(config.clock());
        } catch (RuntimeException e) {
            Throwable cause = PodmanClient.cause(e);
            publish(new InstanceState.Failed(termination(cause instanceof PodmanException ? cause.getMessage()
                    : "supervising the container failed: " + cause, OptionalInt.empty())));
            awaitStopRequest(config.clock());
        } finally {
            sidecars.stop().completeOnTimeout(null, grace().plusSeconds(15).toMillis(), TimeUnit.MILLISECONDS)
                    .join();
            client.ifPresent(this::removePod);
            volumeDirs.release(id);
            publish(new InstanceState.Stopped(config.clock().instant()));
            stopped();
        }
    }

    private Optional<PodmanClient> reach() {
        try {
            return Optional.of(podman.get().join());
        } catch (RuntimeException e) {
            publish(new InstanceState.Failed(termination("cannot reach podman: "
                    + PodmanClient.cause(e).getMessage(), OptionalInt.empty())));
            return Optional.empty();
        }
    }

    /**
     * Makes the pod and supervises the workload in it. The calls that need not wait for each other overlap: the
     * image lookup with the pod's creation, the first container's creation with the start of the pod's infra.
     */
    private void startPod(PodmanClient podman) {
        if (warm.isPresent()) {
            // As the warm pod's image check had it: its pull (or the copy present) is this instance's.
            images.addAll(warm.get().images());
            superviseUntilStoppedOrFailed(podman, warm.get().hostPorts(), CompletableFuture.completedFuture(
                    warm.get().container()));
            return;
        }
        CompletableFuture<Boolean> image = podman.imageExists(spec.image());
        CompletableFuture<String> created = podman.createPod(PodSpecs.pod(pod, labels, spec));
        Optional<String> refusal = ImageChecks.refusal(podman, spec, image.join(), images::add);
        if (refusal.isPresent()) {
            publish(new InstanceState.Failed(termination(refusal.get(), OptionalInt.empty())));
            return;
        }
        created.join();
        volumes = volumeDirs.acquire(id, spec);
        CompletableFuture<Void> started = podman.startPod(pod);
        CompletableFuture<String> first = podman.createContainer(containerSpec(1));
        started.join();
        Map<Integer, Integer> hostPorts = hostPorts(podman);
        sidecars.start(podman, hostPorts, volumes);
        superviseUntilStoppedOrFailed(podman, hostPorts, first);
    }

    private JsonObject containerSpec(int run) {
        return MountSpecs.into(PodSpecs.container(pod + "-" + run, pod, labels, spec), spec.mounts(), volumes);
    }

    /** For each published container port, the loopback port podman picked. */
    private Map<Integer, Integer> hostPorts(PodmanClient podman) {
        return PodPorts.of(podman, pod, spec);
    }

    private void removePod(PodmanClient podman) {
        try {
            podman.deletePod(pod).join();
        } catch (RuntimeException e) {
            if (!(PodmanClient.cause(e) instanceof PodmanException p && p.notFound())) {
                LOG.warn("removing pod {} of instance {}: {}", pod, id, PodmanClient.cause(e).getMessage());
            }
        }
    }

    /**
     * What the workload container has used (podman's stats: its CPU time, its memory now) as last measured, without
     * waiting: each call asks podman again in the background, unless an answer is still awaited or the instance is
     * stopping (its container goes; its last sample is taken before it is stopped). The CPU time is the sum over
     * the instance's runs ({@link RunUsage}): a new run's container counts from zero again.
     */
    Optional<ResourceSample> resources() {
        Optional<String> container = runningContainer;
        if (container.isPresent() && !stopRequested && statsAsked.compareAndSet(false, true)) {
            podman.get().thenCompose(client -> client.containerStats(container.get()))
                    .thenApply(ContainerStats::sample)
                    .whenComplete((now, failure) -> {
                        statsAsked.set(false);
                        if (failure != null) {
                            LOG.debug("reading the stats of instance {}: {}", id, failure.getMessage());
                            return;
                        }
                        now.ifPresent(sample -> usage.sampled(container.get(), sample));
                    });
        }
        return usage.total();
    }

    /**
     * Waits a moment for the run's last sample before its container is stopped: podman has no stats of a stopped
     * container, and without it the CPU time since the last periodic sample would not be metered.
     */
    private void measureLast(PodmanClient podman, String container) {
        try {
            podman.containerStats(container).thenApply(ContainerStats::sample)
                    .get(LAST_SAMPLE_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    .ifPresent(sample -> usage.sampled(container, sample));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("reading the last stats of instance {}: {}", id, PodmanClient.cause(e).getMessage());
        }
    }

    private void superviseUntilStoppedOrFailed(PodmanClient podman, Map<Integer, Integer> hostPorts,
            CompletableFuture<String> first) {
        for (int run = 1; !stopRequested; run++) {
            String container = (run == 1 ? first : podman.createContainer(containerSpec(run))).join();
            usage.newRun(container);
            runningContainer = Optional.of(container);
            // Asked for now, so that it is known when the run turns ready and its output is drained.
            CompletableFuture<Optional<Path>> logFile = run == 1 && warm.isPresent()
                    ? CompletableFuture.completedFuture(warm.get().logFile())
                    : ContainerLogFile.pathOf(podman, container);
            Instant startedAt = config.clock().instant();
            log.runStarted(startedAt);
            // Watched while podman still answers the start: the workload may accept before podman has saved its
            // state, and a warm pod's container (initialised ahead) has only the OCI runtime's start to run.
            CompletableFuture<Void> start = podman.startContainer(container);
            start.whenComplete((done, failure) -> wakeup.signal());
            // Its directory is there from the creation on; the file, once conmon made it (the follower waits).
            output = ContainerLogFile.follow(podman, container, logFile, config.failureLogLines(), log::append);
            CompletableFuture<Integer> exit = start.thenCompose(started -> podman.waitContainer(container));
            exit.whenComplete((code, failure) -> wakeup.signal());
            publish(new InstanceState.Starting(startedAt, Optional.empty()));
            Optional<Termination> termination;
            try {
                Ending ending = new RunWatch(podman, container, startedAt, hostPorts, start, exit).until();
                if (ending instanceof Ending.StartFailed failed) {
                    publish(new InstanceState.Failed(termination("cannot start the container: " + failed.why(),
                            OptionalInt.empty())));
                    return;
                }
                termination = finish(podman, container, ending, exit);
            } finally {
                output.end();
                deleteContainer(podman, container);
            }
            if (termination.isEmpty()) {
                return;
            }
            backOff(startedAt, termination.get());
        }
    }

    /**
     * Stops the run unless it exited and reads the rest of its log file, as the process runtime drains its pipes;
     * the last lines of a failure are the run's own.
     */
    private Optional<Termination> finish(PodmanClient podman, String container, Ending ending,
            CompletableFuture<Integer> exit) {
        if (!(ending instanceof Ending.Exited)) {
            measureLast(podman, container);
            podman.stopContainer(container, PodSpecs.graceSeconds(spec.terminationGracePeriod())).join();
        }
        output.end();
        OptionalInt exitCode = exitCode(exit);
        List<String> lines = ending instanceof Ending.StopRequested ? List.of() : output.lastLines();
        return switch (ending) {
            case Ending.StopRequested stop -> Optional.empty();
            case Ending.Exited exited -> Optional.of(exitCode.orElse(0) == SIGKILL_EXIT
                    && spec.limits().memoryBytes().isPresent() ? oomKilled(exitCode, lines)
                    : new Termination("the container exited", exitCode, lines, config.clock().instant()));
            case Ending.StartFailed failed -> throw new IllegalStateException("a failed start has no run to finish");
            case Ending.LivenessFailed failed -> Optional.of(new Termination("liveness probe failed "
                    + spec.liveness().map(ProbeSpec::failureThreshold).orElse(0) + " times, the container was "
                    + "restarted: " + failed.lastFailure(), exitCode, lines, config.clock().instant()));
        };
    }

    private static OptionalInt exitCode(CompletableFuture<Integer> exit) {
        try {
            return OptionalInt.of(exit.get(5, TimeUnit.SECONDS));
        } catch (Exception e) {
            return OptionalInt.empty();
        }
    }

    private void deleteContainer(PodmanClient podman, String container) {
        try {
            podman.deleteContainer(container).join();
        } catch (RuntimeException e) {
            LOG.warn("removing container {} of instance {}: {}", container, id, PodmanClient.cause(e).getMessage());
        }
    }

    private void backOff(Instant startedAt, Termination termination) {
        restarts++;
        lastTermination = Optional.of(termination);
        if (termination.oomKilled()) {
            log.append("[kumo] container was OOMKilled (over resources.limits.memory), exit code "
                    + termination.exitCode().orElse(SIGKILL_EXIT) + "; restarting");
        }
        CrashBackoff.Restart restart = config.backoff().next(consecutiveCrashes, startedAt, termination.at());
        consecutiveCrashes = restart.consecutiveCrashes();
        publish(new InstanceState.CrashLoopBackOff(restarts, restart.at(), termination));
        while (!stopRequested && config.clock().instant().isBefore(restart.at())) {
            await(restart.at());
        }
    }

    private Termination termination(String reason, OptionalInt exitCode) {
        List<String> lines = log.tail(config.failureLogLines()).stream().map(LogLine::text).toList();
        return new Termination(reason, exitCode, lines, config.clock().instant());
    }

    // Podman reports OOMKilled=false on this kernel kind: exit 137 (SIGKILL) with a memory limit is the sign.
    private Termination oomKilled(OptionalInt exitCode, List<String> lines) {
        return new Termination("OOMKilled: the kernel killed the container for using more than its memory limit of "
                + spec.limits().memoryBytes().orElse(0) + " bytes (resources.limits.memory)", exitCode, lines,
                config.clock().instant(), true);
    }

    private synchronized void publish(InstanceState state) {
        current = new Instance(id, spec.revision(), state, restarts, lastTermination, containers(state), images);
        publisher.accept(current);
    }

    /** Publishes the current state again: a sidecar's health changed. */
    private synchronized void republish() {
        publish(current.state());
    }

    /** With sidecars, each container's health, the serving one first; without, none (the instance is it). */
    private List<ContainerHealth> containers(InstanceState state) {
        if (!sidecars.any()) {
            return List.of();
        }
        List<ContainerHealth> containers = new ArrayList<>();
        containers.add(new ContainerHealth(spec.containerName(), state instanceof InstanceState.Ready, restarts,
                lastTermination));
        containers.addAll(sidecars.health());
        return containers;
    }

    private void await(Instant deadline) {
        wakeup.awaitUntil(deadline, config.clock());
    }

    /** How one run ended. */
    private sealed interface Ending {

        record StopRequested() implements Ending {
        }

        record Exited() implements Ending {
        }

        record LivenessFailed(String lastFailure) implements Ending {
        }

        record StartFailed(String why) implements Ending {
        }
    }

    /** Watches one run: probes on schedule until the container exits, liveness fails, or a stop is requested. */
    private final class RunWatch {

        private static final Duration START_POLLING = Duration.ofSeconds(2);

        private final PodmanClient podman;
        private final String container;
        private final Instant startedAt;
        private final Map<Integer, Integer> hostPorts;
        private final CompletableFuture<Void> start;
        private final CompletableFuture<Integer> exit;
        private final ProbeTimes readiness;
        /** The fast looks at the probed port while the container starts (a container starts slower than a process). */
        private final Optional<StartPolling> startPolling;
        private final Optional<ProbeTimes> liveness;
        /** The container's variables, for exec probes' {@code $(VAR)} references. */
        private final Map<String, String> env = PodSpecs.env(spec);
        private Instant nextReadiness;
        private Instant nextLiveness = Instant.MAX;
        private boolean ready;
        /** Something accepted at the probed port during the start's looks. */
        private boolean accepted;
        /** Waiting for podman to answer the start before the first probe (nothing accepted, no looks left). */
        private boolean awaitingStart;
        private int readinessFailures;
        private int livenessFailures;
        private Optional<String> lastReadinessFailure = Optional.empty();

        RunWatch(PodmanClient podman, String container, Instant startedAt, Map<Integer, Integer> hostPorts,
                CompletableFuture<Void> start, CompletableFuture<Integer> exit) {
            this.podman = podman;
            podman.rootless(); // asked now, known by the first look
            this.container = container;
            this.startedAt = startedAt;
            this.hostPorts = hostPorts;
            this.start = start;
            this.exit = exit;
            this.readiness = new ProbeTimes(spec.readiness(), startedAt, false);
            this.startPolling = StartPolling.forReadiness(spec.readiness(), readiness.first(), START_POLLING);
            this.liveness = spec.liveness().map(probe -> new ProbeTimes(probe, startedAt, true));
            this.nextReadiness = readiness.first();
        }

        Ending until() {
            while (true) {
                if (start.isCompletedExceptionally()) {
                    return new Ending.StartFailed(PodmanClient.cause(start.exceptionNow()).getMessage());
                }
                if (stopRequested) {
                    return new Ending.StopRequested();
                }
                if (exit.isDone()) {
                    return new Ending.Exited();
                }
                Instant now = config.clock().instant();
                if (awaitingStart && start.isDone()) {
                    awaitingStart = false;
                    nextReadiness = now;
                }
                if (!now.isBefore(nextReadiness)) {
                    probeReadiness(now);
                }
                if (!now.isBefore(nextLiveness)) {
                    Optional<Ending> failed = probeLiveness();
                    if (failed.isPresent()) {
                        return failed.get();
                    }
                }
                await(nextReadiness.isBefore(nextLiveness) ? nextReadiness : nextLiveness);
            }
        }

        /**
         * The looks while the container starts, then the probe. Until podman answered the start only the looks run
         * (or the probe, of a port something accepted at): a probe of a container podman has not started yet would
         * fail and wait a period. A TCP probe is the look's own accepted connection — with rootless podman only once
         * podman answered the start ({@link StartLook}).
         */
        private void probeReadiness(Instant lookedAt) {
            ProbeSpec probe = spec.readiness();
            boolean looking = startPolling.isPresent() && lookedAt.isBefore(readiness.first().plus(START_POLLING));
            Optional<Instant> look = startPolling.flatMap(polling -> polling.nextLook(hostPort(probe.probe()),
                    lookedAt));
            if (look.isPresent()) {
                nextReadiness = look.get(); // nothing accepts at the published port yet: no probe, no failure
                return;
            }
            // Rootless podman's forwarder accepts before the workload runs: its accept waits for the start's answer.
            boolean looked = StartLook.counts(looking, podman.rootless().getNow(true), start.isDone());
            boolean acceptedNow = looked && !accepted;
            accepted |= looked;
            if (!accepted && !start.isDone()) {
                awaitingStart = true; // the start's answer wakes the watch
                nextReadiness = Instant.MAX;
                return;
            }
            Optional<String> failure = acceptedNow && probe.probe() instanceof Probe.TcpSocket ? Optional.empty()
                    : ContainerProbe.probe(podman, container, probe.probe(), hostPort(probe.probe()),
                            probe.timeout(), env);
            Instant now = config.clock().instant();
            if (failure.isEmpty()) {
                readinessFailures = 0;
                if (!ready) {
                    ready = true;
                    lastReadinessFailure = Optional.empty();
                    if (nextLiveness.equals(Instant.MAX)) {
                        // Liveness counts only once ready, as in the process runtime: no startupProbe in Knative.
                        nextLiveness = liveness.map(times -> times.first().isAfter(now) ? times.first() : now)
                                .orElse(Instant.MAX);
                    }
                    output.drain(); // what it wrote before it was ready is in its log once it shows Ready
                    publish(new InstanceState.Ready(InstanceAddress.loopback(hostPorts.get(
                            PodSpecs.servingPort(spec))), now, startedAt));
                }
            } else {
                readinessFailures++;
                if (ready && readinessFailures >= probe.failureThreshold()) {
                    ready = false;
                    lastReadinessFailure = failure;
                    publish(new InstanceState.Starting(now, failure));
                } else if (!ready && !failure.equals(lastReadinessFailure)) {
                    lastReadinessFailure = failure;
                    publish(new InstanceState.Starting(startedAt, failure));
                }
            }
            nextReadiness = readiness.after(now, ready);
        }

        private Optional<Ending> probeLiveness() {
            ProbeSpec probe = spec.liveness().orElseThrow();
            Optional<String> failure = ContainerProbe.probe(podman, container, probe.probe(),
                    hostPort(probe.probe()), probe.timeout(), env);
            nextLiveness = liveness.orElseThrow().after(config.clock().instant(), ready);
            livenessFailures = failure.isEmpty() ? 0 : livenessFailures + 1;
            return livenessFailures >= probe.failureThreshold()
                    ? Optional.of(new Ending.LivenessFailed(failure.orElseThrow()))
                    : Optional.empty();
        }

        /** The loopback port published for the probed port; 0 (or none named) is the serving port. */
        private int hostPort(Probe probe) {
            int port = probe.port() == 0 ? PodSpecs.servingPort(spec) : probe.port();
            return hostPorts.get(port);
        }
    }
}
