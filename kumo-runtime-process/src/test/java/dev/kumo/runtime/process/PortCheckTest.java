package dev.kumo.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the port check tells, read from a /proc laid out in a temp directory: the instance is pid 100 (python3
 * app.py, its socket inode 1001), another process pid 200 (java -jar other.jar, inode 2002); the instance's PORT
 * is 41234 and its manifest declares containerPort 8080.
 */
class PortCheckTest {

    private static final String HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
            + "   uid  timeout inode\n";
    private static final String REFUSED = "TCP probe of 127.0.0.1:41234: Connection refused";
    private static final String OTHER = "pid 200 (java -jar other.jar)";

    @TempDir
    Path proc;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-01-01T00:00:00Z"));
    private PortCheck check;

    @BeforeEach
    void layOutProc() throws IOException {
        process(100, 1001, "python3", "app.py");
        process(200, 2002, "java", "-jar", "other.jar");
        check = new PortCheck(() -> List.of(100L), new InstancePorts(41234, 8080), proc, now::get);
    }

    @Test
    void aConnectionToTheInstancesOwnSocketPasses() throws IOException {
        listening(41234, 1001);

        assertThat(check.connected(41234, false)).isEmpty();
    }

    @Test
    void aConnectionToAnotherProcessesSocketIsAConflictNamingThePortAndItsHolder() throws IOException {
        listening(41234, 2002);

        assertThat(check.connected(41234, false)).contains(new PortConflict("PortInUse", "127.0.0.1:41234, this "
                + "instance's PORT, is held by " + OTHER + ", which is not one of the instance's processes (pid 100): "
                + "the probe reached that process, not the instance"));
    }

    @Test
    void aRefusedProbeOfAnInstanceListeningElsewhereIsAConflictNamingWhereItListens() throws IOException {
        listening(8080, 1001);

        assertThat(check.refused(41234, REFUSED)).isEqualTo(new ProbeOutcome.Conflicted(new PortConflict(
                "ListeningElsewhere", "the container listens on 127.0.0.1:8080 (pid 100, python3 app.py) but not on "
                + "127.0.0.1:41234, this instance's PORT: Kumo gives every instance its own port in $PORT (the "
                + "containerPort is where it would listen in Knative), so a workload must listen on $PORT (on "
                + "127.0.0.1 or every address)")));
    }

    @Test
    void aRefusedProbeWhileTheContainerPortIsHeldElsewhereSaysByWhomButMayStillBeAStart() throws IOException {
        listening(8080, 2002);

        assertThat(check.refused(41234, REFUSED)).isEqualTo(new ProbeOutcome.Failed(REFUSED + "; port 8080, its "
                + "containerPort, is held by " + OTHER + ": Kumo gives every instance its own port in $PORT (the "
                + "containerPort is where it would listen in Knative), so a workload must listen on $PORT (41234 for "
                + "this instance), not on a fixed port"));
    }

    @Test
    void aRefusedProbeOfAPortTheInstanceListensOnIsNoConflict() throws IOException {
        listening(41234, 1001);

        assertThat(check.refused(41234, REFUSED)).isEqualTo(new ProbeOutcome.Failed(REFUSED));
    }

    @Test
    void anExitWhileTheContainerPortIsHeldIsAConflictNamingTheHolder() throws IOException {
        listening(8080, 2002);

        assertThat(check.exited()).hasValueSatisfying(conflict -> {
            assertThat(conflict.reason()).isEqualTo("PortInUse");
            assertThat(conflict.message()).startsWith("port 8080, its containerPort, is held by " + OTHER + ": ");
        });
    }

    @Test
    void anExitWithTheContainerPortFreeTellsNothing() throws IOException {
        listening(41234, 2002);

        assertThat(check.exited()).isEmpty();
    }

    @Test
    void withoutProcNetTcpNothingCanBeToldAndAConnectionPasses() {
        assertThat(check.connected(41234, false)).isEmpty();
        assertThat(check.refused(41234, REFUSED)).isEqualTo(new ProbeOutcome.Failed(REFUSED));
        assertThat(check.exited()).isEmpty();
    }

    @Test
    void procIsReadAgainOnlyOnceTheLastLookIsASecondOld() throws IOException {
        listening(8080, 1001);
        assertThat(check.refused(41234, REFUSED)).isInstanceOf(ProbeOutcome.Conflicted.class);

        listening(41234, 1001);
        now.set(now.get().plus(Duration.ofMillis(999)));
        assertThat(check.refused(41234, REFUSED)).as("the look of a moment ago").isInstanceOf(
                ProbeOutcome.Conflicted.class);

        now.set(now.get().plus(Duration.ofMillis(1)));
        assertThat(check.refused(41234, REFUSED)).isEqualTo(new ProbeOutcome.Failed(REFUSED));
    }

    @Test
    void onceReadyOwnershipIsLookedAtEveryTenSeconds() throws IOException {
        listening(41234, 1001);
        assertThat(check.connected(41234, true)).isEmpty();

        listening(41234, 2002);
        now.set(now.get().plus(Duration.ofSeconds(9)));
        assertThat(check.connected(41234, true)).isEmpty();

        now.set(now.get().plus(Duration.ofSeconds(1)));
        assertThat(check.connected(41234, true)).map(PortConflict::reason).contains("PortInUse");
    }

    /** A process with one socket open (fd 3) and its command line. */
    private void process(long pid, long inode, String... command) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)).resolve("fd"));
        Files.createSymbolicLink(dir.resolve("3"), Path.of("socket:[" + inode + "]"));
        Files.createSymbolicLink(dir.resolve("4"), Path.of("/dev/null"));
        Files.write(dir.getParent().resolve("cmdline"), (String.join("\0", command) + "\0")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** /proc/net/tcp with one socket listening on 127.0.0.1:port, plus an established one. */
    private void listening(int port, long inode) throws IOException {
        String loopback = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? "0100007F" : "7F000001";
        String line = "   0: %s:%04X 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 %d 1 "
                + "0000000000000000 100 0 0 10 0\n";
        String established = "   1: %s:%04X %s:9C40 01 00000000:00000000 00:00000000 00000000  1000        0 %d 1 "
                + "0000000000000000 20 4 30 10 -1\n";
        Files.createDirectories(proc.resolve("net"));
        Files.writeString(proc.resolve("net").resolve("tcp"), HEADER + line.formatted(loopback, port, inode)
                + established.formatted(loopback, port, loopback, 2002));
    }
}
