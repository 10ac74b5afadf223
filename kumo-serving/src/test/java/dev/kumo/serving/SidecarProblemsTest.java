package dev.kumo.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.controller.revision.ContainerProblem;
import dev.kumo.runtime.spi.ContainerHealth;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.Termination;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Sidecars that ended and are not ready again show as ContainerHealthy's reason; the serving one never does. */
class SidecarProblemsTest {

    private static final RevisionRef HELLO = RevisionRef.ofService("default", "hello", "hello-00001");
    private static final Termination CRASH = new Termination("Error", OptionalInt.of(1), List.of("no upstream"),
            Instant.EPOCH);
    private static final Termination OOM = new Termination("OOMKilled", OptionalInt.of(137), List.of(),
            Instant.EPOCH, true);

    @Test
    void aCrashingSidecarIsNamedWithItsRestartsAndLastLines() {
        List<ContainerProblem> problems = InstanceFailures.sidecarProblems(List.of(
                instance("i-1", new ContainerHealth("app", true, 0, Optional.empty()),
                        new ContainerHealth("proxy", false, 4, Optional.of(CRASH)),
                        new ContainerHealth("cache", false, 0, Optional.of(OOM))),
                instance("i-2", new ContainerHealth("proxy", false, 2, Optional.of(CRASH)))), "app");

        assertThat(problems).containsExactly(
                new ContainerProblem("proxy", "CrashLoopBackOff", "ended after 4 restarts: Error (exit code 1); "
                        + "last log lines:\nno upstream"),
                new ContainerProblem("cache", "OOMKilled", "ended: OOMKilled (exit code 137)"));
    }

    @Test
    void theServingContainerAndHealthyOrStartingSidecarsAreNoProblem() {
        assertThat(InstanceFailures.sidecarProblems(List.of(instance("i-1",
                new ContainerHealth("app", false, 3, Optional.of(CRASH)),
                new ContainerHealth("proxy", true, 1, Optional.of(CRASH)),
                new ContainerHealth("warming", false, 0, Optional.empty()))), "app")).isEmpty();
        assertThat(InstanceFailures.sidecarProblems(List.of(instance("i-1")), "app"))
                .as("a runtime that does not tell containers apart").isEmpty();
    }

    private static Instance instance(String id, ContainerHealth... containers) {
        return new Instance(id, HELLO, new InstanceState.Ready(InstanceAddress.loopback(8080), Instant.EPOCH,
                Instant.EPOCH), 0, Optional.empty(), List.of(containers));
    }
}
