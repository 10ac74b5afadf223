package dev.kumo.runtime.process;

import static dev.kumo.runtime.process.Workloads.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start's first probe: the look that was accepted is the probe's connection (the workload is connected to once
 * before it is ready), and the ownership check skipped for the instance's own free port runs right after Ready,
 * withdrawing it when another process took the port in the meantime.
 */
@EnabledOnOs(OS.LINUX)
class FirstProbeIT extends WatchedRuntimeCase {

    private static final Duration SETTLE = Duration.ofSeconds(20);
    /** Listens on $PORT and appends, per connection in accept order, what it read until end of file ("-": nothing). */
    private static final String RECORD_CONNECTIONS = """
            import os, socket, sys
            server = socket.socket()
            server.bind(("127.0.0.1", int(os.environ["PORT"])))
            server.listen(16)
            while True:
                conn, _ = server.accept()
                data = b""
                while True:
                    chunk = conn.recv(64)
                    if not chunk:
                        break
                    data += chunk
                conn.close()
                with open(sys.argv[1], "a") as out:
                    out.write((data.decode() or "-") + "\\n")
            """;
    /** Writes $PORT to a file at once and never listens, so another process can take the port after the start. */
    private static final String NEVER_LISTEN = "echo \"$PORT\" > \"$1\"; exec sleep 3600";

    @TempDir
    Path work;
    private ServerSocket taken;

    @AfterEach
    void releasePort() throws IOException {
        if (taken != null) {
            taken.close();
        }
    }

    @Test
    void theAcceptedLookIsTheFirstProbesConnectionSoTheWorkloadIsConnectedToOnceBeforeReady() {
        Path connections = work.resolve("connections");
        AtomicBoolean marked = new AtomicBoolean();
        // Told on the supervisor's thread as Ready is published, before it can probe again: a connection made here
        // queues right behind every connection the runtime made before Ready.
        runtime.watch(instance -> {
            if (instance.state() instanceof InstanceState.Ready ready && marked.compareAndSet(false, true)) {
                try (Socket marker = new Socket()) {
                    marker.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), ready.address().port()));
                    marker.getOutputStream().write("MARK".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });

        String id = runtime.start(WorkloadSpec.process(Workloads.HELLO).command("python3", "-c", RECORD_CONNECTIONS)
                .args(connections.toString()).build()).id();

        await().atMost(SETTLE).until(() -> Files.exists(connections)
                && Files.readAllLines(connections).contains("MARK"));
        List<String> lines = readLines(connections);
        assertThat(lines.subList(0, lines.indexOf("MARK"))).as("connections before Ready, in accept order")
                .containsExactly("-");
        assertThat(state(runtime, id)).isInstanceOf(InstanceState.Ready.class);
    }

    @Test
    void anotherProcessTakingTheFreePortDuringTheStartIsFoundRightAfterReadyWhichIsWithdrawnOrBeforeReady() throws IOException {
        Path portFile = work.resolve("port");
        String id = runtime.start(WorkloadSpec.process(Workloads.HELLO).command("/bin/sh", "-c", NEVER_LISTEN)
                .args("sh", portFile.toString()).build()).id();
        // Polled tightly: the port must be taken inside the start's second of fast looks.
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(2))
                .until(() -> Files.exists(portFile) && Files.readString(portFile).endsWith("\n"));
        int port = Integer.parseInt(Files.readString(portFile).strip());
        // The port was free when the run started; this process takes it now (inside the start's second of fast
        // looks), so a look reaches it, and it answers every connection as a workload would.
        taken = new ServerSocket();
        taken.setReuseAddress(true);
        taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Workloads.answerEveryConnection(taken);

        await().atMost(SETTLE).until(() -> state(runtime, id) instanceof InstanceState.Unhealthy);

        InstanceState.Unhealthy unhealthy = (InstanceState.Unhealthy) state(runtime, id);
        assertThat(unhealthy.reason()).isEqualTo("PortInUse");
        assertThat(unhealthy.message()).contains("is held by pid " + ProcessHandle.current().pid(),
                "not one of the instance's processes");
        List<Class<? extends InstanceState>> kinds = listener.kinds(id);
        int ready = kinds.indexOf(InstanceState.Ready.class);
        if (ready < 0) {
            // A loaded machine took the port after the start's second of looks: the conflict is found before Ready.
            assertThat(kinds).as("never ready, unhealthy").doesNotContain(InstanceState.Ready.class)
                    .endsWith(InstanceState.Unhealthy.class);
        } else {
            assertThat(kinds.subList(ready, kinds.size()))
                    .as("ready at the look, withdrawn at the check after it, then unhealthy")
                    .startsWith(InstanceState.Ready.class, InstanceState.Starting.class)
                    .endsWith(InstanceState.Unhealthy.class);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
