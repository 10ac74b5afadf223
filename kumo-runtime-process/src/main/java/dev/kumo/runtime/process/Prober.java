package dev.kumo.runtime.process;

import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.support.LoopbackProbe;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;

/**
 * Runs one probe against 127.0.0.1: a connection must reach a socket of the instance's own processes (the
 * {@link PortCheck}) before the probe's own test ({@link LoopbackProbe}: connect, GET, gRPC health) counts; the
 * connection is the probe's own, or the start's accepted look ({@link #probeOn}).
 */
final class Prober {

    private final LoopbackProbe probes;

    Prober(LoopbackProbe probes) {
        this.probes = probes;
    }

    /** Probes {@code port} once, with the given timeout for connect and answer. */
    ProbeOutcome probe(Probe probe, int port, Duration timeout, PortCheck ports, boolean ready) {
        if (probe instanceof Probe.Running) {
            return new ProbeOutcome.Passed(); // probed only while the process is alive
        }
        Socket socket = new Socket();
        try {
            socket.connect(LoopbackProbe.address(port), LoopbackProbe.timeoutMillis(timeout));
        } catch (IOException e) {
            close(socket);
            return ports.refused(port, LoopbackProbe.describe(probe, port) + ": " + e.getMessage());
        }
        return probeOn(socket, probe, port, timeout, Optional.of(ports), ready);
    }

    /**
     * Probes {@code port} on {@code connected}, a connection already made to it (the start's accepted look), and
     * closes it; {@code ports} empty skips the ownership check (see {@link OwnershipCheck}).
     */
    ProbeOutcome probeOn(Socket connected, Probe probe, int port, Duration timeout, Optional<PortCheck> ports,
            boolean ready) {
        try (Socket socket = connected) {
            Optional<PortConflict> conflict = ports.flatMap(check -> check.connected(port, ready));
            if (conflict.isPresent()) {
                return new ProbeOutcome.Conflicted(conflict.get());
            }
            // Exec was refused before the start (ProcessRuntime.unsupported): never scheduled.
            return probes.test(socket, probe, port, timeout).<ProbeOutcome>map(ProbeOutcome.Failed::new)
                    .orElse(new ProbeOutcome.Passed());
        } catch (IOException e) {
            return new ProbeOutcome.Failed(LoopbackProbe.describe(probe, port) + ": " + e.getMessage());
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // an unconnected socket: nothing to release
        }
    }
}
