package dev.kumo.runtime.podman;

import dev.kumo.runtime.support.KeptLogs;
import dev.kumo.runtime.support.RotatingLog;
import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.ResourceSample;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.ProcessWorkload;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.UnsupportedWorkloadException;
import dev.kumo.runtime.spi.VolumeSpec;
import dev.kumo.runtime.spi.WorkloadLimits;
import dev.kumo.runtime.spi.WorkloadSpec;
import dev.kumo.runtime.support.TabledRuntime;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each instance of an image as a pod of its own in podman: a private network namespace on podman's bridge
 * with the serving port published on 127.0.0.1 at a port podman picks (so replicas that all listen on 8080 never
 * clash, and the router reaches each on loopback), the workload container in it under an init. Podman is reached
 * only when the first image runs ({@link PodmanService}); pods a crashed predecessor left are removed in the
 * background at start, found by the state directory's label.
 */
public final class PodmanRuntime extends TabledRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(PodmanRuntime.class);
    // Kubernetes' alphabet for generated names: no vowels (no words), no look-alikes.
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final RandomGenerator RANDOM = new SecureRandom();
    private static final int LEFTOVER_ATTEMPTS = 4;

    private final PodmanRuntimeConfig config;
    private final PodmanService service;
    private final String dataDirKey;
    private final Leftovers leftovers;
    private final VolumeDirs volumeDirs;
    private final CompletableFuture<List<String>> leftoversRemoved;
    private final WarmPool warmPool;
    /** Drops the logs past their retention also on a server where no instance changes. */
    private final ScheduledExecutorService logRetention = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("podman-log-retention").factory());
    private volatile boolean closed;

    private PodmanRuntime(PodmanRuntimeConfig config) {
        super(config.clock(), config.logs());
        this.config = config;
        this.service = PodmanService.of(config.socket(), config.stateDir());
        this.dataDirKey = PodLabels.dataDirKey(config.stateDir());
        this.leftovers = new Leftovers(config.stateDir(), dataDirKey);
        this.volumeDirs = new VolumeDirs(config.stateDir(), config.clock());
        this.leftoversRemoved = removeLeftovers();
        this.warmPool = new WarmPool(config, this::podman, dataDirKey, revision -> nextId(revision.revision()),
                leftovers::podsCreated);
        KeptLogs.restore(config.logsDir(), config.logs().maxBytes(), config.clock(), table);
        logRetention.scheduleWithFixedDelay(table::expire, 1, 1, TimeUnit.MINUTES);
    }

    /** Starts the runtime; podman itself is reached on the first image, or now if a predecessor left pods. */
    public static PodmanRuntime start(PodmanRuntimeConfig config) {
        return new PodmanRuntime(config);
    }

    private CompletableFuture<List<String>> removeLeftovers() {
        if (!leftovers.possible() || service.unavailable().isPresent()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return leftovers.removeRetrying(service::client, LEFTOVER_ATTEMPTS, Duration.ofSeconds(1))
                .whenComplete((removed, failure) -> {
                    if (failure != null) {
                        LOG.warn("removing the pods a previous server left: {}",
                                PodmanClient.cause(failure).getMessage());
                    } else if (!removed.isEmpty()) {
                        LOG.info("removed {} pods a previous server left: {}", removed.size(), removed);
                    }
                });
    }

    /** Podman, once the pods a predecessor left are gone (so their removal cannot take a new pod with them). */
    private CompletableFuture<PodmanClient> podman() {
        return leftoversRemoved.handle((removed, failure) -> null).thenCompose(ignored -> service.client());
    }

    /** Completes, with the names of the pods removed, once the pods of a crashed predecessor are gone. */
    public CompletableFuture<List<String>> leftoversRemoved() {
        return leftoversRemoved;
    }

    /** The label value that marks this runtime's pods and containers ({@code dev.kumo/data-dir-key}). */
    public String dataDirKey() {
        return dataDirKey;
    }

    /** The {@code dev.kumo/data-dir-key} label value of the runtime whose state directory is {@code stateDir}. */
    public static String dataDirKey(Path stateDir) {
        return PodLabels.dataDirKey(stateDir);
    }

    @Override
    public Optional<String> unsupported(WorkloadSpec spec) {
        return switch (spec) {
            case ProcessWorkload process -> Optional.of("container has a command to run on this host: the container "
                    + "runtime runs images; commands run in the process runtime");
            case ImageWorkload image -> service.unavailable().or(() -> MountSpecs.refusal(image));
        };
    }

    @Override
    public Optional<String> limitsInForce(WorkloadLimits limits) {
        List<String> sentences = new ArrayList<>();
        limits.memoryBytes().ifPresent(bytes -> sentences.add("resources.limits.memory: " + bytes
                + " bytes, enforced by the container's memory cgroup (podman)"));
        limits.cpuMillis().ifPresent(millis -> sentences.add("resources.limits.cpu: " + millis
                + "m, enforced as a CFS quota of the container's cpu cgroup (podman)"));
        return sentences.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", sentences));
    }

    @Override
    public Instance start(WorkloadSpec spec) {
        Optional<String> unsupported = unsupported(spec);
        if (unsupported.isPresent()) {
            throw new UnsupportedWorkloadException(unsupported.get());
        }
        ImageWorkload image = (ImageWorkload) spec;
        if (closed) {
            throw new IllegalStateException("starting an instance of " + spec.revision() + ": the runtime is closed");
        }
        leftovers.podsCreated();
        Optional<WarmPod> warm = warmPool.take(image);
        String id = warm.map(WarmPod::instanceId).orElseGet(() -> nextId(spec.revision().revision()));
        RotatingLog log = new RotatingLog(config.logDir(id), config.logs().maxBytes(), spec.revision(), id, config.clock());
        PodInstance instance = new PodInstance(id, image, config, this::podman, dataDirKey, log, volumeDirs,
                this::changed);
        warm.ifPresent(instance::takeOver);
        table.add(id, instance, log);
        Thread.ofVirtual().name("pod-" + id).start(instance);
        return instance.snapshot();
    }

    /** The workload container's CPU time and memory, from podman's stats. */
    @Override
    public Optional<ResourceSample> resources(String instanceId) {
        return table.supervised(instanceId).filter(PodInstance.class::isInstance).map(PodInstance.class::cast)
                .flatMap(PodInstance::resources);
    }

    /** Keeps warm pods of the image's Revision ({@link WarmPool}), up to the config's limits; 0 removes them. */
    @Override
    public void prepare(WorkloadSpec spec, int count) {
        if (spec instanceof ImageWorkload image && !closed && unsupported(spec).isEmpty()) {
            warmPool.prepare(image, count);
        }
    }

    /** The warm pods ready to take. */
    int warmPodsReady() {
        return warmPool.ready();
    }

    @Override
    public void refreshFiles(RevisionRef revision, String volume, VolumeSpec.Files files) {
        volumeDirs.refresh(revision, volume, files);
    }

    @Override
    public void close() {
        closed = true;
        logRetention.shutdownNow();
        warmPool.close();
        boolean allStopped = false;
        try {
            allStopped = table.stopAll(Duration.ofSeconds(15), "container");
        } finally {
            boolean leftoversGone = leftoversRemoved.completeOnTimeout(List.of(), 10, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join() != null;
            if (allStopped && leftoversGone && finalSweep()) {
                leftovers.noneLeft();
            }
            volumeDirs.close();
            service.close();
        }
    }

    /**
     * Removes whatever pod of this state directory a stop could not (podman busy or restarting); true when none is
     * left, so the marker may go. Asks podman nothing when this runtime never made a pod.
     */
    private boolean finalSweep() {
        if (!leftovers.possible()) {
            return true;
        }
        try {
            List<String> removed = service.client().thenCompose(leftovers::remove).get(20, TimeUnit.SECONDS);
            if (!removed.isEmpty()) {
                LOG.info("removed {} pods their instances' stop left: {}", removed.size(), removed);
            }
            return true;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("pods of this server may be left in podman; the next start on {} removes them: {}",
                    config.stateDir(), PodmanClient.cause(e).getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void changed(Instance instance) {
        if (!(instance.state() instanceof InstanceState.Starting)) {
            warmPool.started(instance.id());
        }
        table.changed(instance);
    }

    /** An id in the style of pod names: the revision name and five random characters. */
    private static String nextId(String revision) {
        StringBuilder id = new StringBuilder(revision).append('-');
        for (int i = 0; i < 5; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
