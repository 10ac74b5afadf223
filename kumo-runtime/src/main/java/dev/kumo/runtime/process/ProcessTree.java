package dev.kumo.runtime.process;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A process and the descendants seen so far. Descendants are re-parented when their parent dies, so they are
 * remembered while it lives; a remembered {@link ProcessHandle} carries its start time, so killing it later never
 * hits a recycled pid.
 *
 * <p>The exit of a root we started is awaited with {@link Process#waitFor}, not {@code onExit()}: the JDK completes
 * {@code onExit()} only after draining the output pipe, which blocks while a stray child still holds it open.
 */
final class ProcessTree {

    private final ProcessHandle root;
    private final Optional<Process> child;
    private final Set<ProcessHandle> seen = new LinkedHashSet<>();

    private ProcessTree(ProcessHandle root, Optional<Process> child) {
        this.root = root;
        this.child = child;
    }

    /** The tree of a process this JVM started. */
    static ProcessTree of(Process process) {
        return new ProcessTree(process.toHandle(), Optional.of(process));
    }

    /** The tree of a process this JVM did not start (an orphan of a previous server). */
    static ProcessTree of(ProcessHandle process) {
        return new ProcessTree(process, Optional.empty());
    }

    /** Remembers the current descendants of the root. */
    synchronized void refresh() {
        if (root.isAlive()) {
            root.descendants().forEach(seen::add);
        }
    }

    /** SIGTERM to the root only (like a container's PID 1), after remembering its descendants. */
    void terminate() {
        refresh();
        root.destroy();
    }

    /** SIGKILL to the root and every descendant seen, then waits (bounded) until they are gone. */
    void kill(Duration wait) {
        refresh();
        List<ProcessHandle> all;
        synchronized (this) {
            root.destroyForcibly();
            seen.forEach(ProcessHandle::destroyForcibly);
            all = List.copyOf(seen);
        }
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

    /** The pids of the root and of the descendants seen so far that still run, the root first. */
    synchronized List<Long> pids() {
        refresh();
        return Stream.concat(Stream.of(root), seen.stream()).filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .distinct().toList();
    }
}
