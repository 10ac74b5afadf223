package dev.kumo.runtime.process;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A process and the descendants seen so far, and its cgroup or session where it has one. Descendants are re-parented
 * when their parent dies, so they are remembered while it lives; a remembered {@link ProcessHandle} carries its start
 * time, so killing it later never hits a recycled pid. A cgroup holds every descendant whatever it does (setsid,
 * double fork), so killing the tree kills the cgroup; without one the session the root leads is walked as well.
 *
 * <p>The exit of a root we started is awaited with {@link Process#waitFor}, not {@code onExit()}: the JDK completes
 * {@code onExit()} only after draining the output pipe, which blocks while a stray child still holds it open.
 */
final class ProcessTree {

    private final ProcessHandle root;
    private final Optional<Process> child;
    private final Optional<InstanceCgroup> cgroup;
    private final boolean session;
    private final Optional<Instant> rootStart;
    private final Set<ProcessHandle> seen = new LinkedHashSet<>();

    private ProcessTree(ProcessHandle root, Optional<Process> child, Optional<InstanceCgroup> cgroup,
            boolean session) {
        this.root = root;
        this.child = child;
        this.cgroup = cgroup;
        this.session = session;
        this.rootStart = root.info().startInstant();
    }

    /** The tree of a process this JVM started, held in its containment. */
    static ProcessTree of(Process process, Containment containment) {
        return new ProcessTree(process.toHandle(), Optional.of(process), containment.cgroup(),
                containment.bySession());
    }

    /** The tree of a process this JVM did not start (an orphan of a previous server), leader of its session or not. */
    static ProcessTree of(ProcessHandle process, boolean session) {
        return new ProcessTree(process, Optional.empty(), Optional.empty(), session);
    }

    /** Remembers the current descendants of the root and the members of its session. */
    synchronized void refresh() {
        if (root.isAlive()) {
            root.descendants().forEach(seen::add);
        }
        if (session) {
            seen.addAll(SessionMembers.of(root.pid(), rootStart));
        }
    }

    /** SIGTERM to the root only (like a container's PID 1), after remembering its descendants. */
    void terminate() {
        refresh();
        root.destroy();
    }

    /** SIGKILL to the root, every descendant seen and the whole cgroup, then waits (bounded) until they are gone. */
    void kill(Duration wait) {
        refresh();
        List<ProcessHandle> all;
        synchronized (this) {
            root.destroyForcibly();
            seen.forEach(ProcessHandle::destroyForcibly);
            all = List.copyOf(seen);
        }
        cgroup.ifPresent(group -> group.killAll(wait));
        awaitRootExit(wait);
        all.forEach(handle -> awaitExit(handle, wait));
    }

    /** Whether the root exited within the wait. */
    boolean awaitRootExit(Duration wait) {
        if (child.isEmpty()) {
            return awaitExit(root, wait);
        }
        try {
            return child.get().waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !child.get().isAlive();
        }
    }

    private static boolean awaitExit(ProcessHandle handle, Duration wait) {
        try {
            handle.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    /**
     * The pids of the root and of its descendants that still run, the root first: the members of its cgroup where it
     * has one (one small file, where walking {@code /proc} for descendants costs milliseconds), else the descendants
     * seen so far.
     */
    synchronized List<Long> pids() {
        if (cgroup.isPresent()) {
            return Stream.concat(Stream.of(root).filter(ProcessHandle::isAlive).map(ProcessHandle::pid),
                    cgroup.get().pids().stream()).distinct().toList();
        }
        refresh();
        return Stream.concat(Stream.of(root), seen.stream()).filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .distinct().toList();
    }
}
