package dev.kumo.runtime.process;

import static dev.kumo.runtime.process.Workloads.isReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.ProcessWorkload;
import dev.kumo.runtime.spi.WorkloadSpec;
import dev.kumo.runtime.support.ColdStartStages;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The run's record after Ready: brought up to date {@code RECORD_AFTER_READY} later, not while Ready's watchers
 * release the first request and it is answered, and never lost — it names the program the wrapper exec'd.
 */
@EnabledOnOs(OS.LINUX)
class RunRecordIT {

    private static final Duration SETTLE = Duration.ofSeconds(20);

    @TempDir
    Path stateDir;
    private ProcessRuntime runtime;
    private final Logger stages = (Logger) LoggerFactory.getLogger(ColdStartStages.LOGGER);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void startRuntimeAndListenToStages() {
        levelBefore = stages.getLevel();
        stages.setLevel(Level.DEBUG);
        logged.start();
        stages.addAppender(logged);
        runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir));
    }

    @AfterEach
    void closeRuntime() {
        runtime.close();
        stages.detachAppender(logged);
        stages.setLevel(levelBefore);
    }

    @Test
    void theRecordIsBroughtUpToDateAfterReadyOffTheFirstRequestsPathAndNamesTheProgramExecd() {
        // The start's first look finds nothing accepting while the shell waits: that record names the shell.
        ProcessWorkload spec = WorkloadSpec.process(Workloads.HELLO).command("/bin/sh", "-c",
                "sleep 0.2; exec python3 -u \"$1\" serve", "workload",
                Workloads.dir().resolve("workload.py").toString()).build();
        AtomicReference<Instant> readyAt = new AtomicReference<>();
        Path records = ProcessRuntimeConfig.defaults(stateDir).recordDir();
        runtime.watch(instance -> {
            if (instance.state() instanceof InstanceState.Ready ready && readyAt.get() == null) {
                readyAt.set(ready.since());
            }
        });

        String id = runtime.start(spec).id();
        await().atMost(SETTLE).until(() -> isReady(runtime, id));

        // What a later server must find: the program the shell exec'd (a slow start may have been recorded so by
        // the tree scan before Ready already; the record after Ready is then written with nothing new).
        InstanceRecord latest = await().atMost(SETTLE).until(() -> InstanceRecord.read(InstanceRecord.file(records,
                id)).orElse(null), record -> record != null && record.command().contains("python"));
        assertThat(ProcessHandle.of(latest.pid()).map(latest::matches)).as("the running process").hasValue(true);
        ILoggingEvent recorded = await().atMost(SETTLE).until(() -> logged.list.stream()
                .filter(event -> event.getFormattedMessage().contains(" recorded ")).findFirst().orElse(null),
                event -> event != null);
        // Not a measure of speed: a lower bound the supervisor's schedule guarantees (logback's instant can read up
        // to a millisecond behind the clock that took Ready's).
        assertThat(Duration.between(readyAt.get(), recorded.getInstant()))
                .as("brought up to date after Ready, not on the first request's path")
                .isGreaterThanOrEqualTo(Supervisor.RECORD_AFTER_READY.minusMillis(1));
    }
}
