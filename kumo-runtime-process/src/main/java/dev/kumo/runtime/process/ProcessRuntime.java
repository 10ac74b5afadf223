package dev.kumo.runtime.process;

import dev.kumo.runtime.support.ColdStartStages;
import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.ResourceSample;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.ProcessWorkload;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.UnsupportedWorkloadException;
import dev.kumo.runtime.spi.WorkloadLimits;
import dev.kumo.runtime.spi.VariableReferences;
import dev.kumo.runtime.spi.WorkloadSpec;
import dev.kumo.runtime.support.GrpcHealthClient;
import dev.kumo.runtime.support.KeptLogs;
import dev.kumo.runtime.support.LoopbackProbe;
import dev.kumo.runtime.support.RotatingLog;
import dev.kumo.runtime.support.TabledRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each instance as a host process supervised by a virtual thread, with its state (records, logs, temp dirs)
 * under one state directory; on start it kills, in the background, the processes a crashed predecessor left behind.
 * Each instance gets a free loopback port of its own as PORT; a declared containerPort is where the container would
 * listen in Knative, and probes naming it are aimed at the instance's own port. An instance is ready only when the
 * socket its probe reaches belongs to its own processes ({@link PortCheck}). Each instance is contained in a cgroup
 * of its own where the kernel offers a writable one (which also enforces its memory and CPU limits), else in its own
 * session; it runs as its runAsUser when the server runs as root.
 */
public final class ProcessRuntime extends TabledRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessRuntime.class);

    private final ProcessRuntimeConfig config;
    private final StateDirLock lock;
    private final Cgroups cgroups;
    private final ServerUser user;
    private final CompletableFuture<List<String>> leftoversReaped;
    private final PortAllocator ports = new PortAllocator();
    private final GrpcHealthClient grpcHealth = GrpcHealthClient.ofItsOwn();
    private final Prober prober = new Prober(new LoopbackProbe(grpcHealth));
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final LauncherPool<Launcher> launchers = new LauncherPool<>(this::launcher, background,
            LauncherPool.REFILL_DELAY);
    /**
     * Instances not yet past their first start, by id, with the place of their Revision's launchers they were counted
     * in: its next launcher waits for them.
     */
    private final Map<String, Object> starting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("launcher-sweep").factory());
    private volatile boolean closed;

    private ProcessRuntime(ProcessRuntimeConfig config, StateDirLock lock, Cgroups cgroups,
            CompletableFuture<List<String>> leftoversReaped) {
        super(config.clock(), config.logs());
        this.config = config;
        this.lock = lock;
        this.cgroups = cgroups;
        this.user = ServerUser.current();
        this.leftoversReaped = leftoversReaped;
        // Expiry is also checked on every prepare and take; the sweep covers a server where none comes.
        sweeper.scheduleWithFixedDelay(() -> launchers.expire(config.clock().instant()), 1, 1, TimeUnit.MINUTES);
        KeptLogs.restore(config.logsDir(), config.logs().maxBytes(), config.clock(), table);
        sweeper.scheduleWithFixedDelay(table::expire, 1, 1, TimeUnit.MINUTES);
    }

    /**
     * Takes the state directory, lists the leftovers of a crashed predecessor and starts killing them in the
     * background, clears old temp dirs, keeps the logs of instances that stopped before it (as the retention says),
     * and is ready.
     */
    public static ProcessRuntime start(ProcessRuntimeConfig config) {
        StateDirLock lock = StateDirLock.acquire(config.stateDir());
        try {
            Cgroups cgroups = config.cgroups() ? Cgroups.discover(config.stateDir()) : Cgroups.none();
            LOG.info("process runtime containment: {}", cgroups.describe());
            CompletableFuture<List<String>> reaped = OrphanReaper.start(config.recordDir(), cgroups);
            FileTrees.delete(config.stateDir().resolve("tmp"));
            return new ProcessRuntime(config, lock, cgroups, reaped);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Completes, with the ids of the instances killed, once the leftovers of a crashed predecessor are gone. */
    public CompletableFuture<List<String>> leftoversReaped() {
        return leftoversReaped;
    }

    /** What contains instances and enforces their limits on this host, as logged at start. */
    public String containment() {
        return cgroups.describe();
    }

    @Override
    public Optional<String> limitsInForce(WorkloadLimits limits) {
        return Limits.inForce(limits, cgroups);
    }

    @Override
    public Optional<String> unsupported(WorkloadSpec spec) {
        return switch (spec) {
            case ProcessWorkload process -> unsupported(process);
            case ImageWorkload image -> Optional.of(refusal(image));
        };
    }

    private Optional<String> unsupported(ProcessWorkload spec) {
        if (spec.command().isEmpty()) {
            return Optional.of("container has neither command nor image: the process runtime needs a command to run");
        }
        Optional<String> probe = unsupportedProbe("readinessProbe", spec.readiness().probe())
                .or(() -> spec.liveness().flatMap(liveness -> unsupportedProbe("livenessProbe", liveness.probe())));
        if (probe.isPresent()) {
            return probe;
        }
        if (RunAs.identity(spec.runAs(), user).isPresent() && Containment.find("setpriv").isEmpty()) {
            return Optional.of("securityContext.runAsUser/runAsGroup need setpriv (util-linux) on kumo server's "
                    + "PATH to start the process as that user: install util-linux, or remove them");
        }
        return RunAs.refusal(spec.runAs(), user);
    }

    private static Optional<String> unsupportedProbe(String field, Probe probe) {
        return probe instanceof Probe.Exec ? Optional.of(field + ".exec: the process runtime does not run exec "
                + "probes; use httpGet, tcpSocket or grpc, or run the image in the container runtime")
                : Optional.empty();
    }

    private static String refusal(ImageWorkload image) {
        return image.command().isEmpty()
                ? "container has image " + image.image() + " and no command: the process runtime runs commands;"
                        + " image-only containers run in the container runtime (podman)"
                : "container image " + image.image() + " is to run as an image: the process runtime runs commands"
                        + " on this host; images run in the container runtime (podman)";
    }

    @Override
    public Instance start(WorkloadSpec spec) {
        return switch (spec) {
            case ProcessWorkload process -> start(process);
            case ImageWorkload image -> throw new UnsupportedWorkloadException(refusal(image));
        };
    }

    private Instance start(ProcessWorkload spec) {
        Optional<String> unsupported = unsupported(spec);
        if (unsupported.isPresent()) {
            throw new UnsupportedWorkloadException(unsupported.get());
        }
        if (closed) {
            throw new IllegalStateException("starting an instance of " + spec.revision() + ": the runtime is closed");
        }
        // A launcher made ahead for this very spec starts it with one exec; else everything is made now.
        LauncherPool.Taken<Launcher> taken = launchers.take(spec, config.clock().instant());
        Optional<Launcher> ahead = taken.launcher();
        ahead.ifPresent(launcher -> ports.release(launcher.port())); // the instance holds it from now on
        Setup setup = ahead.map(launcher -> new Setup(launcher.port(), launcher.request()))
                .orElseGet(() -> setUp(spec));
        String id = setup.launch().instanceId();
        Supervisor supervisor = new Supervisor(id, spec, config, setup.launch(), cgroups, setup.port(), prober, ahead,
                this::changed);
        table.add(id, supervisor, setup.launch().log());
        taken.slot().ifPresent(slot -> starting.put(id, slot));
        ColdStartStages.reached(spec.revision().namespace(), spec.revision().revision(),
                ahead.isPresent() ? "exec" : "exec-unprepared");
        supervisor.goAhead();
        ColdStartStages.reached(spec.revision().namespace(), spec.revision().revision(), "exec-sent");
        Thread.ofVirtual().name("instance-" + id).start(supervisor);
        supervisor.tellFirstStart(); // while the supervisor looks at the port: see tellFirstStart
        return supervisor.snapshot();
    }

    /** An instance's port and what launches it. */
    private record Setup(int port, Run.LaunchRequest launch) {
    }

    /** Makes what an instance of {@code spec} needs before its process: id, port, temp dir, log, environment. */
    private Setup setUp(ProcessWorkload spec) {
        return setUp(spec, ports.allocate()); // its own port, whatever containerPort says: see InstancePorts
    }

    /** Makes what an instance of {@code spec} listening on {@code port} needs before its process. */
    private Setup setUp(ProcessWorkload spec, int port) {
        String id = InstanceIds.next(spec.revision().revision());
        Optional<RunAs.Identity> identity = RunAs.identity(spec.runAs(), user);
        Path tmpDir = config.tmpDir(id);
        try {
            // A workload running as another user cannot reach into the server's (private) state directory.
            tmpDir = identity.isEmpty() ? Files.createDirectories(tmpDir) : RunAs.tmpDir(id, identity.get());
        } catch (IOException e) {
            throw new UncheckedIOException("starting an instance of " + spec.revision() + ": creating " + tmpDir, e);
        }
        RotatingLog log = new RotatingLog(config.logDir(id), config.logs().maxBytes(), spec.revision(), id,
                config.clock());
        Map<String, String> env = WorkloadEnvironment.build(System.getenv(), config.inheritedEnv(), spec, port,
                tmpDir);
        if (identity.isPresent()) {
            RunAs.environment(env, spec.env(), tmpDir);
        }
        List<String> commandLine = VariableReferences.expand(spec.commandLine(), WorkloadEnvironment.declared(spec,
                port));
        return new Setup(port, new Run.LaunchRequest(id, commandLine, spec.workingDir(), env, log, tmpDir, identity));
    }

    /** A launcher made ahead for an instance of {@code spec}: set up, contained, waiting to exec it. */
    private Launcher launcher(ProcessWorkload spec) throws IOException {
        // Reserved while it waits (maybe for long): no other instance is given its port meanwhile.
        int port = ports.reserve();
        Optional<Run.LaunchRequest> launch = Optional.empty();
        Optional<Containment> containment = Optional.empty();
        try {
            launch = Optional.of(setUp(spec, port).launch());
            containment = Optional.of(Containment.prepare(cgroups, launch.get().instanceId(), spec.limits(),
                    launch.get().identity()));
            return Launcher.spawn(port, () -> ports.release(port), launch.get(), containment.get());
        } catch (IOException | RuntimeException e) {
            containment.ifPresent(Containment::release);
            launch.ifPresent(made -> {
                made.log().discard();
                FileTrees.delete(made.tmpDir());
            });
            ports.release(port);
            throw e;
        }
    }

    /**
     * Keeps a launcher of {@code spec} waiting ({@link Launcher}, {@link LauncherPool}), so that a start of it from
     * zero, or of the next replica, costs one exec; 0 discards it. Specs this runtime refuses get none.
     */
    @Override
    public void prepare(WorkloadSpec spec, int count) {
        if (!closed && spec instanceof ProcessWorkload process && (count <= 0 || unsupported(process).isEmpty())) {
            launchers.prepare(process, count, config.clock().instant());
        }
    }

    /** The launcher waiting for {@code revision}'s next instance, if one is made (for tests). */
    Optional<Launcher> launcherFor(RevisionRef revision) {
        return launchers.waitingFor(revision);
    }

    /** The instance's cgroup's CPU time and memory, else the CPU time of its live processes. */
    @Override
    public Optional<ResourceSample> resources(String instanceId) {
        return table.supervised(instanceId).filter(Supervisor.class::isInstance).map(Supervisor.class::cast)
                .flatMap(Supervisor::resources);
    }

    @Override
    public void close() {
        closed = true;
        sweeper.shutdownNow();
        launchers.close();
        try {
            table.stopAll(ProcessRuntimeConfig.killWait().plusSeconds(5), "instance");
        } finally {
            leftoversReaped.completeOnTimeout(List.of(), 10, TimeUnit.SECONDS).join();
            grpcHealth.close();
            background.shutdown();
            cgroups.close();
            lock.close();
        }
    }

    /** The table publishes every change; an instance past its first start lets its Revision's next launcher be made. */
    private void changed(Instance instance) {
        if (!(instance.state() instanceof InstanceState.Starting)) {
            Object slot = starting.remove(instance.id());
            if (slot != null) {
                launchers.started(instance.revision(), slot);
            }
        }
        table.changed(instance);
    }
}
