package dev.kumo.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.controller.revision.InstanceState;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.InstanceState.CrashLoopBackOff;
import dev.kumo.runtime.spi.InstanceState.Failed;
import dev.kumo.runtime.spi.InstanceState.Ready;
import dev.kumo.runtime.spi.InstanceState.Starting;
import dev.kumo.runtime.spi.InstanceState.Unhealthy;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.Termination;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the Revision reconciler is told about an instance the runtime reports as not running. */
class InstanceFailuresTest {

    private static final Instant ENDED = Instant.parse("2025-01-01T00:00:00Z");
    private static final List<String> LOGS = List.of("starting", "panic: boom");
    private static final Termination EXITED_3 = new Termination("the process exited", OptionalInt.of(3), LOGS, ENDED);

    record Row(String name, dev.kumo.runtime.spi.InstanceState runtime, Optional<InstanceState> want) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("the first crash, backing off before its first restart, is a single exit",
                        new CrashLoopBackOff(1, ENDED.plusSeconds(1), EXITED_3),
                        Optional.of(new InstanceState.Exited(3, LOGS))),
                new Row("a crash after one restart is CrashLoopBackOff with the back-off before the next start",
                        new CrashLoopBackOff(2, ENDED.plusSeconds(2), EXITED_3),
                        Optional.of(new InstanceState.CrashLoopBackOff(3, 1, Duration.ofSeconds(2), LOGS))),
                new Row("the restart count grows with each crash",
                        new CrashLoopBackOff(6, ENDED.plusSeconds(20), EXITED_3),
                        Optional.of(new InstanceState.CrashLoopBackOff(3, 5, Duration.ofSeconds(20), LOGS))),
                new Row("a process killed without an exit code says -1",
                        new CrashLoopBackOff(3, ENDED.plusSeconds(4), new Termination("liveness probe failed",
                                OptionalInt.empty(), List.of(), ENDED)),
                        Optional.of(new InstanceState.CrashLoopBackOff(-1, 2, Duration.ofSeconds(4), List.of()))),
                new Row("a failure with an exit code is an exit", new Failed(EXITED_3),
                        Optional.of(new InstanceState.Exited(3, LOGS))),
                new Row("a failure to start is permanent, with the runtime's reason",
                        new Failed(new Termination("cannot start /no/such", OptionalInt.empty(), List.of(), ENDED)),
                        Optional.of(InstanceState.Failed.permanent("cannot start /no/such", "cannot start /no/such"))),
                new Row("a failure to start named by the kubelet's word has that word as its reason",
                        new Failed(new Termination("ErrImageNeverPull: container image \"dev.local/app:1\" is not "
                                + "present with pull policy of Never", OptionalInt.empty(), List.of(), ENDED)),
                        Optional.of(InstanceState.Failed.permanent("ErrImageNeverPull", "container image "
                                + "\"dev.local/app:1\" is not present with pull policy of Never"))),
                new Row("a container config error too",
                        new Failed(new Termination("CreateContainerConfigError: container has runAsNonRoot and image "
                                + "x will run as root", OptionalInt.empty(), List.of(), ENDED)),
                        Optional.of(InstanceState.Failed.permanent("CreateContainerConfigError", "container has "
                                + "runAsNonRoot and image x will run as root"))),
                new Row("an invalid image name too",
                        new Failed(new Termination("InvalidImageName: couldn't parse image reference \"Bad:Name\"",
                                OptionalInt.empty(), List.of(), ENDED)),
                        Optional.of(InstanceState.Failed.permanent("InvalidImageName",
                                "couldn't parse image reference \"Bad:Name\""))),
                new Row("an exception's name before \": \" is not the kubelet's word: the whole reason is kept",
                        new Failed(new Termination("IllegalStateException: podman answered 500",
                                OptionalInt.empty(), List.of(), ENDED)),
                        Optional.of(InstanceState.Failed.permanent("IllegalStateException: podman answered 500",
                                "IllegalStateException: podman answered 500"))),
                new Row("nor is another CamelCase word",
                        new Failed(new Termination("PodmanException: no such image", OptionalInt.empty(), List.of(),
                                ENDED)),
                        Optional.of(InstanceState.Failed.permanent("PodmanException: no such image",
                                "PodmanException: no such image"))),
                new Row("an instance that cannot serve on its port is a failure that may heal, with the runtime's reason",
                        new Unhealthy(ENDED, "PortInUse", "127.0.0.1:41234, this instance's PORT, is held by pid 7"),
                        Optional.of(new InstanceState.Failed("PortInUse",
                                "127.0.0.1:41234, this instance's PORT, is held by pid 7"))),
                new Row("a starting instance is no failure", new Starting(ENDED, Optional.empty()), Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void reportsTheRuntimeStateAsTheRevisionShowsIt(Row row) {
        assertThat(InstanceFailures.of(row.runtime())).isEqualTo(row.want());
    }

    @Test
    void theLastTerminationIsTheLatestAmongTheInstancesWithKubernetesReason() {
        RevisionRef revision = new RevisionRef("default", Optional.of("hello"), "hello", "hello-00001");
        InstanceAddress address = InstanceAddress.loopback(8080);
        Termination oom = new Termination("OOMKilled: the kernel killed the process for using more than its memory "
                + "limit of 67108864 bytes (resources.limits.memory)", OptionalInt.of(137), LOGS, ENDED.plusSeconds(5),
                true);
        Instance served = new Instance("a", revision, new Ready(address, ENDED.plusSeconds(7), ENDED.plusSeconds(6)), 1,
                Optional.of(oom));
        Instance exited = new Instance("b", revision, new Starting(ENDED, Optional.empty()), 1,
                Optional.of(EXITED_3));
        Instance never = new Instance("c", revision, new Starting(ENDED, Optional.empty()), 0);

        assertThat(InstanceFailures.lastTermination(List.of(exited, served, never))).contains("OOMKilled, exit code "
                + "137, at 2025-01-01T00:00:05Z: the kernel killed the process for using more than its memory limit of "
                + "67108864 bytes (resources.limits.memory)");
        assertThat(InstanceFailures.lastTermination(List.of(exited, never)))
                .contains("Error, exit code 3, at 2025-01-01T00:00:00Z: the process exited");
        assertThat(InstanceFailures.lastTermination(List.of(never))).isEmpty();
    }
}
