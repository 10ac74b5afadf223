package dev.kumo.runtime.podman;

import dev.kumo.runtime.support.RotatingLog;
import dev.kumo.runtime.process.CrashBackoff;
import dev.kumo.runtime.spi.ContainerHealth;
import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.ProbeSpec;
import dev.kumo.runtime.spi.SidecarSpec;
import dev.kumo.runtime.spi.Termination;
import dev.kumo.runtime.support.Wakeup;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sidecars of one instance (Knative's multi-container feature), each kept running in the instance's pod on a
 * virtual thread of its own as the kubelet does with restartPolicy Always: its container restarted with the crash
 * backoff when it exits or fails its liveness probe, its readiness probe (if any) deciding only its own readiness,
 * its output in the instance's log prefixed with its name, and how it is doing in {@link #health()}. Stop stops
 * them all at once, each with the instance's grace period.
 */
final class Sidecars {

    private static final Logger LOG = LoggerFactory.getLogger(Sidecars.class);
    private static final int SIGKILL_EXIT = 137;

    private final List<Sidecar> sidecars;
    private final Runnable changed;
    private volatile boolean stopRequested;
    private boolean started;

    Sidecars(ImageWorkload spec, PodmanRuntimeConfig config, String pod, Map<String, String> labels, RotatingLog log,
            Runnable changed) {
        this.changed = changed;
        this.sidecars = spec.sidecars().stream().map(sidecar -> new Sidecar(sidecar, spec, config, pod, labels, log))
                .toList();
    }

    /** Whether the instance has sidecars at all. */
    boolean any() {
        return !sidecars.isEmpty();
    }

    /**
     * Starts every sidecar in the pod, whose ports podman published at {@code hostPorts}, mounting from the
     * instance's {@code volumes}.
     */
    synchronized void start(PodmanClient podman, Map<Integer, Integer> hostPorts, InstanceVolumes volumes) {
        if (stopRequested) {
            return;
        }
        started = true;
        for (Sidecar sidecar : sidecars) {
            Thread.ofVirtual().name("sidecar-" + sidecar.spec.name())
                    .start(() -> sidecar.run(podman, hostPorts, volumes));
        }
    }

    /** Stops every sidecar, each with the grace period; completes when all have stopped (or never started). */
    synchronized CompletableFuture<Void> stop() {
        stopRequested = true;
        if (!started) {
            sidecars.forEach(sidecar -> sidecar.stopped.complete(null));
        }
        sidecars.forEach(sidecar -> sidecar.wakeup.signal());
        return CompletableFuture.allOf(sidecars.stream().map(sidecar -> sidecar.stopped)
                .toArray(CompletableFuture[]::new));
    }

    /** How each sidecar is doing, in declaration order. */
    List<ContainerHealth> health() {
        return sidecars.stream().map(Sidecar::health).toList();
    }

    /** One sidecar and its runs. */
    private final class Sidecar {

        private final SidecarSpec spec;
        private final ImageWorkload workload;
        private final PodmanRuntimeConfig config;
        private final String pod;
        private final Map<String, String> labels;
        private final RotatingLog log;
        private final Deque<String> tail = new ArrayDeque<>();
        private final Wakeup wakeup = new Wakeup();
        private final CompletableFuture<Void> stopped = new CompletableFuture<>();
        private volatile ContainerHealth health;
        private int consecutiveCrashes;

        Sidecar(SidecarSpec spec, ImageWorkload workload, PodmanRuntimeConfig config, String pod,
                Map<String, String> labels, RotatingLog log) {
            this.spec = spec;
            this.workload = workload;
            this.config = config;
            this.pod = pod;
            this.labels = labels;
            this.log = log;
            this.health = new ContainerHealth(spec.name(), false, 0, Optional.empty());
        }

        ContainerHealth health() {
            return health;
        }

        void run(PodmanClient podman, Map<Integer, Integer> hostPorts, InstanceVolumes volumes) {
            try {
                for (int run = 1; !stopRequested; run++) {
                    runOnce(podman, hostPorts, volumes, run);
                }
            } catch (RuntimeException e) {
                LOG.warn("supervising sidecar {} of pod {}: {}", spec.name(), pod, PodmanClient.cause(e).getMessage());
                ended(termination("supervising the sidecar failed: " + PodmanClient.cause(e).getMessage(),
                        OptionalInt.empty(), false));
            } finally {
                stopped.complete(null);
            }
        }

        private void runOnce(PodmanClient podman, Map<Integer, Integer> hostPorts, InstanceVolumes volumes, int run) {
            String container = podman.createContainer(SidecarSpecs.container(pod, run, labels, spec, workload,
                    volumes)).join();
            CompletableFuture<Optional<Path>> logFile = ContainerLogFile.pathOf(podman, container);
            Instant startedAt = config.clock().instant();
            ContainerLogFile output = null; // this run's: a failed start ends no earlier run's log
            try {
                podman.startContainer(container).join();
                output = ContainerLogFile.follow(podman, container, logFile, 0, this::append);
                CompletableFuture<Integer> exit = podman.waitContainer(container);
                exit.whenComplete((code, failure) -> wakeup.signal());
                Optional<String> livenessFailure = watch(podman, container, hostPorts, startedAt, exit);
                if (!exit.isDone()) {
                    podman.stopContainer(container, PodSpecs.graceSeconds(workload.terminationGracePeriod())).join();
                }
                OptionalInt exitCode = exitCode(exit);
                output.end();
                if (stopRequested && livenessFailure.isEmpty()) {
                    return;
                }
                Termination termination = livenessFailure.map(failure -> termination("liveness probe failed, the "
                        + "container was restarted: " + failure, exitCode, false))
                        .orElseGet(() -> exited(podman, container, exitCode));
                ended(termination);
                backOff(startedAt, termination);
            } finally {
                if (output != null) {
                    output.end();
                }
                podman.deleteContainer(container).exceptionally(e -> null).join();
            }
        }

        /** Probes until the container exits, fails liveness (its failure) or a stop is asked (empty). */
        private Optional<String> watch(PodmanClient podman, String container, Map<Integer, Integer> hostPorts,
                Instant startedAt, CompletableFuture<Integer> exit) {
            Optional<ProbeTimes> readiness = spec.readiness().map(probe -> new ProbeTimes(probe, startedAt, false));
            Optional<ProbeTimes> liveness = spec.liveness().map(probe -> new ProbeTimes(probe, startedAt, true));
            Instant nextReadiness = readiness.map(ProbeTimes::first).orElse(Instant.MAX);
            Instant nextLiveness = liveness.map(ProbeTimes::first).orElse(Instant.MAX);
            int livenessFailures = 0;
            setReady(readiness.isEmpty());
            while (!stopRequested && !exit.isDone()) {
                Instant now = config.clock().instant();
                if (!now.isBefore(nextReadiness)) {
                    ProbeSpec probe = spec.readiness().orElseThrow();
                    setReady(probe(podman, container, hostPorts, probe).isEmpty());
                    nextReadiness = readiness.orElseThrow().after(config.clock().instant(), health.ready());
                }
                if (!now.isBefore(nextLiveness)) {
                    ProbeSpec probe = spec.liveness().orElseThrow();
                    Optional<String> failure = probe(podman, container, hostPorts, probe);
                    livenessFailures = failure.isEmpty() ? 0 : livenessFailures + 1;
                    if (livenessFailures >= probe.failureThreshold()) {
                        return failure;
                    }
                    nextLiveness = liveness.orElseThrow().after(config.clock().instant(), health.ready());
                }
                await(nextReadiness.isBefore(nextLiveness) ? nextReadiness : nextLiveness);
            }
            return Optional.empty();
        }

        private Optional<String> probe(PodmanClient podman, String container, Map<Integer, Integer> hostPorts,
                ProbeSpec probe) {
            int port = probe.probe().port() == 0 ? PodSpecs.servingPort(workload) : probe.probe().port();
            return ContainerProbe.probe(podman, container, probe.probe(), hostPorts.getOrDefault(port, 0),
                    probe.timeout(), HostLoopback.reachable(spec.env()));
        }

        private Termination exited(PodmanClient podman, String container, OptionalInt exitCode) {
            boolean oomKilled = exitCode.orElse(0) == SIGKILL_EXIT && podman.inspectContainer(container)
                    .exceptionally(e -> new JsonObject()).join().getJsonObject("State", new JsonObject())
                    .getBoolean("OOMKilled", false);
            return oomKilled ? termination("OOMKilled: the kernel killed the sidecar for using more memory than "
                    + "it may", exitCode, true) : termination("the sidecar exited", exitCode, false);
        }

        private void backOff(Instant startedAt, Termination termination) {
            CrashBackoff.Restart restart = config.backoff().next(consecutiveCrashes, startedAt, termination.at());
            consecutiveCrashes = restart.consecutiveCrashes();
            while (!stopRequested && config.clock().instant().isBefore(restart.at())) {
                await(restart.at());
            }
        }

        private void ended(Termination termination) {
            health = new ContainerHealth(spec.name(), false, health.restarts() + 1, Optional.of(termination));
            changed.run();
        }

        private void setReady(boolean ready) {
            if (health.ready() != ready) {
                health = new ContainerHealth(spec.name(), ready, health.restarts(), health.lastTermination());
                changed.run();
            }
        }

        private synchronized void append(String line) {
            if (tail.size() == Math.max(1, config.failureLogLines())) {
                tail.removeFirst();
            }
            tail.addLast(line);
            log.append("[" + spec.name() + "] " + line);
        }

        private synchronized Termination termination(String reason, OptionalInt exitCode, boolean oomKilled) {
            return new Termination(reason, exitCode, List.copyOf(tail), config.clock().instant(), oomKilled);
        }

        private OptionalInt exitCode(CompletableFuture<Integer> exit) {
            try {
                return OptionalInt.of(exit.get(5, TimeUnit.SECONDS));
            } catch (Exception e) {
                return OptionalInt.empty();
            }
        }

        private void await(Instant deadline) {
            wakeup.awaitUntil(deadline, config.clock());
        }
    }
}
