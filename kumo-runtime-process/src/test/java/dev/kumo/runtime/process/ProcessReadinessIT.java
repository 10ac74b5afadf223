package dev.kumo.runtime.process;

import static dev.kumo.runtime.process.Workloads.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.ProbeSpec;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A start is looked at every millisecond or faster while its socket may appear, so ready follows the listen closely
 * (the bound here is loose; bin/bench-coldstart holds the figure), inside the fast window and after it; the fast
 * looks never skip the check that the socket is the instance's own where another process may hold the port (see
 * {@link FirstProbeIT} for the instance's own free port).
 */
@EnabledOnOs(OS.LINUX)
class ProcessReadinessIT {

    /** Loose on purpose: a busy 2-core CI machine; the poll is 0.5–1 ms, the schedule after the window 25 ms. */
    private static final Duration PROMPTLY = Duration.ofSeconds(1);
    private static final Duration SETTLE = Duration.ofSeconds(20);
    /**
     * Binds $PORT after a delay, writes when it listens (epoch nanoseconds, read just before {@code listen()}: a look
     * can be accepted, and the instance Ready, before a clock read after it) to a file, then only holds the socket.
     */
    private static final String LISTEN_LATE = """
            import os, socket, sys, time
            time.sleep(float(sys.argv[1]))
            server = socket.socket()
            server.bind(("127.0.0.1", int(os.environ["PORT"])))
            listening = time.time_ns()
            server.listen(16)
            with open(sys.argv[2] + ".tmp", "w") as out:
                out.write(str(listening))
            os.rename(sys.argv[2] + ".tmp", sys.argv[2])
            time.sleep(3600)
            """;

    @TempDir
    Path stateDir;
    @TempDir
    Path work;
    private ProcessRuntime runtime;
    private final RecordingListener listener = new RecordingListener();
    private ServerSocket held;

    @BeforeEach
    void startRuntime() {
        runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir));
        runtime.watch(listener);
    }

    @AfterEach
    void closeRuntime() throws IOException {
        runtime.close();
        if (held != null) {
            held.close();
        }
    }

    @ParameterizedTest(name = "listening {0} s after exec")
    @ValueSource(strings = {"0", "0.3", "1.3"})
    void readyFollowsTheListenPromptlyInsideTheFastWindowAndAfterIt(String delaySeconds) throws IOException {
        Path listened = work.resolve("listened-" + delaySeconds);
        String id = runtime.start(WorkloadSpec.process(Workloads.HELLO).command("python3", "-c", LISTEN_LATE)
                .args(delaySeconds, listened.toString()).build()).id();

        await().atMost(SETTLE).until(() -> state(runtime, id) instanceof InstanceState.Ready);

        InstanceState.Ready ready = (InstanceState.Ready) state(runtime, id);
        Instant listenedAt = epochNanos(Files.readString(listened).strip());
        Duration listenToReady = Duration.between(listenedAt, ready.since());
        System.out.printf("listening %s s after exec: exec -> ready %d ms, listen -> ready %.2f ms%n", delaySeconds,
                ready.startup().toMillis(), listenToReady.toNanos() / 1e6);
        assertThat(listenToReady).as("from listen to ready").isPositive().isLessThan(PROMPTLY);
        assertThat(ready.startup()).as("exec to ready").isGreaterThanOrEqualTo(
                Duration.ofMillis((long) (Double.parseDouble(delaySeconds) * 1000)));
    }

    @Test
    void aFastLookThatReachesAnotherProcessStillNeverMakesTheInstanceReady() throws IOException {
        held = new ServerSocket();
        held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Workloads.answerEveryConnection(held);
        // The default readiness (no period, so the start is looked at fast) aimed at a port another process holds.
        ProbeSpec probeTaken = new ProbeSpec(new Probe.TcpSocket(held.getLocalPort()), Duration.ZERO, Duration.ZERO,
                Duration.ofSeconds(1), 3);
        String id = runtime.start(Workloads.python("serve").readiness(probeTaken).build()).id();

        await().atMost(SETTLE).until(() -> state(runtime, id) instanceof InstanceState.Unhealthy);

        InstanceState.Unhealthy unhealthy = (InstanceState.Unhealthy) state(runtime, id);
        assertThat(unhealthy.reason()).isEqualTo("PortInUse");
        assertThat(unhealthy.message()).startsWith("127.0.0.1:" + held.getLocalPort() + ", the port its probe "
                + "checks, is held by pid " + ProcessHandle.current().pid() + " (")
                .contains("not one of the instance's processes");
        assertThat(listener.kinds(id)).as("never ready, not even for a moment").doesNotContain(
                InstanceState.Ready.class);
    }

    private static Instant epochNanos(String nanos) {
        long value = Long.parseLong(nanos);
        return Instant.ofEpochSecond(value / 1_000_000_000L, value % 1_000_000_000L);
    }
}
