package dev.kumo.runtime.process;

import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.ProcessWorkload;
import dev.kumo.runtime.spi.UnsupportedWorkloadException;
import dev.kumo.runtime.spi.WorkloadLimits;
import dev.kumo.runtime.spi.WorkloadSpec;
import dev.kumo.runtime.support.GrpcHealthClient;
import dev.kumo.runtime.support.LoopbackProbe;
import dev.kumo.runtime.support.TabledRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
    private volatile boolean closed;

    private ProcessRuntime(ProcessRuntimeConfig config, StateDirLock lock, Cgroups cgroups,
            CompletableFuture<List<String>> leftoversReaped) {
        this.config = config;
        this.lock = lock;
        this.cgroups = cgroups;
        this.user = ServerUser.current();
        this.leftoversReaped = leftoversReaped;
    }

    /**
     * Takes the state directory, lists the leftovers of a crashed predecessor and starts killing them in the
     * background, clears old logs and temp dirs, and is ready.
     */
    public static ProcessRuntime start(ProcessRuntimeConfig config) {
        StateDirLock lock = StateDirLock.acquire(config.stateDir());
        try {
            Cgroups cgroups = config.cgroups() ? Cgroups.discover(config.stateDir()) : Cgroups.none();
            LOG.info("process runtime containment: {}", cgroups.describe());
            CompletableFuture<List<String>> reaped = OrphanReaper.start(config.recordDir(), cgroups);
            FileTrees.delete(config.stateDir().resolve("tmp"));
            FileTrees.delete(config.stateDir().resolve("logs"));
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
                + "probes; use httpGet or tcpSocket, or run the image in the container runtime")
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
        String id = InstanceIds.next(spec.revision().revision());
        int port = ports.allocate(); // its own, whatever containerPort says: see InstancePorts
        Optional<RunAs.Identity> identity = RunAs.identity(spec.runAs(), user);
        Path tmpDir = config.tmpDir(id);
        try {
            // A workload running as another user cannot reach into the server's (private) state directory.
            tmpDir = identity.isEmpty() ? Files.createDirectories(tmpDir) : RunAs.tmpDir(id, identity.get());
        } catch (IOException e) {
            throw new UncheckedIOException("starting an instance of " + spec.revision() + ": creating " + tmpDir, e);
        }
        RotatingLog log = new RotatingLog(config.logDir(id), config.logFileMaxBytes(), spec.revision().revision(),
                id);
        Map<String, String> env = WorkloadEnvironment.build(System.getenv(), config.inheritedEnv(), spec, port,
                tmpDir);
        if (identity.isPresent()) {
            RunAs.environment(env, spec.env(), tmpDir);
        }
        Run.LaunchRequest launch = new Run.LaunchRequest(id, spec.commandLine(), spec.workingDir(), env, log, tmpDir,
                identity);
        Supervisor supervisor = new Supervisor(id, spec, config, launch, cgroups, port, prober, table::changed);
        table.add(id, supervisor, log);
        Thread.ofVirtual().name("instance-" + id).start(supervisor);
        return supervisor.snapshot();
    }

    @Override
    public void close() {
        closed = true;
        try {
            table.stopAll(ProcessRuntimeConfig.killWait().plusSeconds(5), "instance");
        } finally {
            leftoversReaped.completeOnTimeout(List.of(), 10, TimeUnit.SECONDS).join();
            grpcHealth.close();
            cgroups.close();
            lock.close();
        }
    }
}
