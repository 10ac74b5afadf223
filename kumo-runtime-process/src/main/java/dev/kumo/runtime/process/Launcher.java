package dev.kumo.runtime.process;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An instance's launch made ahead of demand: its containment's words and then a tiny shell, spawned with the
 * instance's environment, directory and port, already in its cgroup (or leading its session) and running as its
 * user, blocked reading one line of its stdin. {@link #go} writes that line and the shell execs the workload, so
 * the pid, cgroup and pipes are the instance's and a start costs one exec, instead of a spawn through the JVM's
 * helper, a shell and a cgroup migration. The workload itself does not run before {@code go}. A launcher that is
 * discarded, or whose server dies, reads end of file and exits without running anything.
 */
final class Launcher implements LauncherPool.Waiting {

    /** Waits for the go line (end of file: exit, running nothing), then becomes the workload. */
    static final String WAIT_THEN_EXEC = "read -r go || exit 0; exec \"$@\"";
    static final String ARGV0 = "kumo-launcher";

    private final int port;
    private final Runnable releasePort;
    private final Run.LaunchRequest request;
    private final Containment containment;
    private final Process process;

    private Launcher(int port, Runnable releasePort, Run.LaunchRequest request, Containment containment,
            Process process) {
        this.port = port;
        this.releasePort = releasePort;
        this.request = request;
        this.containment = containment;
        this.process = process;
    }

    /**
     * Spawns the launcher of {@code request}'s instance in {@code containment}, waiting for {@link #go}; its port is
     * reserved for it until it is taken (by the taker) or discarded ({@code releasePort}).
     */
    static Launcher spawn(int port, Runnable releasePort, Run.LaunchRequest request, Containment containment)
            throws IOException {
        List<String> words = new ArrayList<>(List.of("/bin/sh", "-c", WAIT_THEN_EXEC, ARGV0));
        words.addAll(request.commandLine());
        Process process = Run.builder(request, containment.commandLine(words)).start();
        return new Launcher(port, releasePort, request, containment, process);
    }

    String instanceId() {
        return request.instanceId();
    }

    int port() {
        return port;
    }

    Run.LaunchRequest request() {
        return request;
    }

    Containment containment() {
        return containment;
    }

    /** The launcher's pid, which becomes the workload's. */
    long pid() {
        return process.pid();
    }

    /** Whether it still waits and its port is still free (another process may have taken it meanwhile). */
    @Override
    public boolean usable() {
        return process.isAlive() && PortAllocator.isFree(port);
    }

    /**
     * Lets the workload run now (started at {@code now}); empty when the launcher is gone, and the caller launches
     * the usual way in the same containment.
     */
    Optional<Run> go(Instant now, Runnable onExit) {
        if (!process.isAlive()) {
            return Optional.empty();
        }
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write('\n'); // closed after: the workload's stdin is at end of file, as a launch's is
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(Run.watched(process, request, containment, now, onExit));
    }

    /** Tells a launcher that will never go to exit (end of file on its stdin), without waiting for it. */
    void cancel() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            process.destroyForcibly();
        }
    }

    /** A launcher never told to go: closes its stdin (it exits), and removes what was made for the instance. */
    @Override
    public void discard() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(ProcessRuntimeConfig.killWait().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            containment.release();
            request.log().discard();
            FileTrees.delete(request.tmpDir());
            releasePort.run();
        }
    }
}
