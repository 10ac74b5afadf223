package dev.kumo.runtime.process;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The port side of one run's probes, read from Linux's {@code /proc}: a probe that connected passes only when the
 * listening socket belongs to the instance's process tree; a refused probe is explained when the instance listens
 * elsewhere or its containerPort is held; an exit before ever being ready is explained when the containerPort is
 * held by another process. Where {@code /proc/net/tcp} cannot be read (not Linux) nothing can be told and probes
 * pass on a connection, as before. {@code /proc} is read at most once a second per run (every 10 s once ready).
 * Used by the run's supervising thread only.
 */
final class PortCheck {

    static final Duration NOT_READY_RECHECK = Duration.ofSeconds(1);
    static final Duration READY_RECHECK = Duration.ofSeconds(10);
    private static final String OWN_PORT_RULE = "Kumo gives every instance its own port in $PORT (the containerPort "
            + "is where it would listen in Knative), so a workload must listen on $PORT";

    private final Supplier<List<Long>> pids;
    private final InstancePorts ports;
    private final Path proc;
    private final SocketHolders holders;
    private final InstantSource clock;
    private Cached<Optional<PortConflict>> connected;
    private Cached<Diagnosis> refused;

    /** Checks the instance whose live pids {@code pids} answers, reading {@code proc} as Linux's /proc. */
    PortCheck(Supplier<List<Long>> pids, InstancePorts ports, Path proc, InstantSource clock) {
        this.pids = pids;
        this.ports = ports;
        this.proc = proc;
        this.holders = new SocketHolders(proc);
        this.clock = clock;
    }

    /** The check of a run on this machine's {@code /proc}. */
    static PortCheck onThisHost(ProcessTree tree, InstancePorts ports, InstantSource clock) {
        return new PortCheck(tree::pids, ports, Path.of("/proc"), clock);
    }

    /** After a probe connected to 127.0.0.1:{@code port}: the conflict when another process holds the socket. */
    Optional<PortConflict> connected(int port, boolean ready) {
        Instant now = clock.instant();
        if (connected == null || !connected.freshFor(port, now, ready ? READY_RECHECK : NOT_READY_RECHECK)) {
            connected = new Cached<>(port, now, ownerConflict(port));
        }
        return connected.value();
    }

    /** After a probe to {@code port} failed to connect with {@code failure}: the outcome, explained where possible. */
    ProbeOutcome refused(int port, String failure) {
        Instant now = clock.instant();
        if (refused == null || !refused.freshFor(port, now, NOT_READY_RECHECK)) {
            refused = new Cached<>(port, now, diagnoseRefusal(port));
        }
        return switch (refused.value()) {
            case Diagnosis.Conflict conflict -> new ProbeOutcome.Conflicted(conflict.conflict());
            case Diagnosis.Hint hint -> new ProbeOutcome.Failed(failure + "; " + hint.text());
            case Diagnosis.None none -> new ProbeOutcome.Failed(failure);
        };
    }

    /** After the run exited without ever being ready: the conflict when its containerPort is held by a process. */
    Optional<PortConflict> exited() {
        return ListeningSockets.read(proc).flatMap(listening -> containerPortHolder(listening, Map.of()))
                .map(holder -> new PortConflict(PortConflict.PORT_IN_USE, holder));
    }

    private Optional<PortConflict> ownerConflict(int port) {
        // NotListening after a connection: the listener is in another network namespace (a port forwarder's
        // peer); nothing can be told about it, so the probe passes as it did before ownership was checked.
        return snapshot().flatMap(now -> PortOwnership.atLoopback(port, now.listening(), now.own().keySet())
                instanceof PortOwnership.Verdict.Foreign foreign
                        ? Optional.of(new PortConflict(PortConflict.PORT_IN_USE, ports.describe(port) + ", is held by "
                                + holder(foreign) + ", which is not one of the instance's processes ("
                                + pidList(now.pids()) + "): the probe reached that process, not the instance"))
                        : Optional.empty());
    }

    private Diagnosis diagnoseRefusal(int port) {
        Optional<Snapshot> snapshot = snapshot();
        if (snapshot.isEmpty()) {
            return new Diagnosis.None();
        }
        Map<Long, Long> own = snapshot.get().own();
        List<ListeningSockets.Socket> mine = PortOwnership.ownedBy(snapshot.get().listening(), own.keySet());
        if (mine.stream().anyMatch(socket -> socket.reachableAtLoopback(port))) {
            return new Diagnosis.None(); // it does listen there (a full backlog, a race): nothing to explain
        }
        if (!mine.isEmpty()) {
            String where = mine.stream().map(s -> s + " (pid " + own.get(s.inode()) + ", "
                    + holders.command(own.get(s.inode())) + ")").distinct().collect(Collectors.joining(", "));
            return new Diagnosis.Conflict(new PortConflict(PortConflict.LISTENING_ELSEWHERE, "the container listens on "
                    + where + " but not on " + ports.describe(port) + ": " + OWN_PORT_RULE
                    + " (on 127.0.0.1 or every address)"));
        }
        return containerPortHolder(snapshot.get().listening(), own).<Diagnosis>map(Diagnosis.Hint::new)
                .orElse(new Diagnosis.None());
    }

    /** "port 8080, its containerPort, is held by pid 7 (…): …" when a process outside {@code own} holds it. */
    private Optional<String> containerPortHolder(List<ListeningSockets.Socket> listening, Map<Long, Long> own) {
        int declared = ports.declared();
        if (declared == 0 || declared == ports.serving()
                || !(PortOwnership.atLoopback(declared, listening, own.keySet())
                        instanceof PortOwnership.Verdict.Foreign foreign)) {
            return Optional.empty();
        }
        return Optional.of("port " + declared + ", its containerPort, is held by " + holder(foreign) + ": "
                + OWN_PORT_RULE + " (" + ports.serving() + " for this instance), not on a fixed port");
    }

    /** The machine's listening sockets and the instance's own, or empty where either cannot be read. */
    private Optional<Snapshot> snapshot() {
        return ListeningSockets.read(proc).flatMap(listening -> {
            List<Long> live = pids.get();
            return holders.socketsOf(live).map(own -> new Snapshot(listening, live, own));
        });
    }

    private String holder(PortOwnership.Verdict.Foreign foreign) {
        return foreign.sockets().stream().map(s -> holders.holderOf(s.inode())).flatMap(Optional::stream)
                .findFirst().map(SocketHolders.Holder::toString)
                .orElse("a process Kumo may not inspect (another user's)");
    }

    private static String pidList(List<Long> pids) {
        return pids.isEmpty() ? "none running" : "pid " + pids.stream().map(String::valueOf)
                .collect(Collectors.joining(", "));
    }

    /** What a refused probe tells, beyond the refusal. */
    private sealed interface Diagnosis {

        record Conflict(PortConflict conflict) implements Diagnosis {
        }

        record Hint(String text) implements Diagnosis {
        }

        record None() implements Diagnosis {
        }
    }

    /** What /proc said at one moment: the listening sockets, the instance's pids and its sockets (inode → pid). */
    private record Snapshot(List<ListeningSockets.Socket> listening, List<Long> pids, Map<Long, Long> own) {
    }

    private record Cached<T>(int port, Instant at, T value) {

        boolean freshFor(int wantedPort, Instant now, Duration maxAge) {
            return port == wantedPort && now.isBefore(at.plus(maxAge));
        }
    }
}
