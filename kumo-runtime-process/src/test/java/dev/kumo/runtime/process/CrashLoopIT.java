package dev.kumo.runtime.process;

import static dev.kumo.runtime.process.Workloads.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.Termination;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workloads that exit are restarted with backoff, and failures say what a person needs to fix them. */
class CrashLoopIT {

    private static final CrashBackoff SHORT = new CrashBackoff(Duration.ofMillis(200), Duration.ofSeconds(1),
            Duration.ofMinutes(10));

    @TempDir
    Path stateDir;
    private ProcessRuntime runtime;

    @AfterEach
    void closeRuntime() {
        runtime.close();
    }

    @Test
    void exitingWorkloadBacksOffWithItsExitCodeAndLastLogLines() {
        runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir).withBackoff(SHORT));
        String id = runtime.start(Workloads.python("exit").build()).id();

        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.instance(id).map(Instance::restarts).orElse(0) >= 2
                && state(runtime, id) instanceof InstanceState.CrashLoopBackOff);

        var crashLoop = (InstanceState.CrashLoopBackOff) state(runtime, id);
        Termination last = crashLoop.lastTermination();
        assertThat(last.exitCode()).isEqualTo(OptionalInt.of(3));
        assertThat(last.lastLogLines()).hasSize(20).endsWith("line 29", "fatal: cannot open the database");
        assertThat(last.message()).startsWith("the process exited (exit code 3); last log lines:\n")
                .endsWith("fatal: cannot open the database");
        assertThat(crashLoop.nextAttempt()).isAfterOrEqualTo(last.at().plusMillis(200));
    }

    @Test
    void firstBackoffIsOneSecondByDefault() {
        runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir));
        String id = runtime.start(Workloads.python("exit").build()).id();

        await().atMost(Duration.ofSeconds(20)).until(() -> state(runtime, id)
                instanceof InstanceState.CrashLoopBackOff);

        var crashLoop = (InstanceState.CrashLoopBackOff) state(runtime, id);
        assertThat(crashLoop.restarts()).isEqualTo(1);
        assertThat(crashLoop.nextAttempt()).isEqualTo(crashLoop.lastTermination().at().plusSeconds(1));
    }

    @Test
    void missingCommandFailsWithoutRetrying() {
        runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir));
        String id = runtime.start(Workloads.python("serve").command("/no/such/program").build()).id();

        await().atMost(Duration.ofSeconds(20)).until(() -> state(runtime, id) instanceof InstanceState.Failed);

        Termination termination = ((InstanceState.Failed) state(runtime, id)).termination();
        assertThat(termination.reason()).startsWith("cannot start /no/such/program: ");
        assertThat(termination.exitCode()).isEmpty();
    }

    @Test
    void missingWorkingDirFails() {
        runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir));
        Path missing = stateDir.resolve("missing");
        String id = runtime.start(Workloads.python("serve").workingDir(missing).build()).id();

        await().atMost(Duration.ofSeconds(20)).until(() -> state(runtime, id) instanceof InstanceState.Failed);

        assertThat(((InstanceState.Failed) state(runtime, id)).termination().reason())
                .isEqualTo("cannot start python3: workingDir " + missing + " is not a directory");
    }
}
