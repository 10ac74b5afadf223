package dev.kumo.runtime.process;

import static dev.kumo.runtime.process.Workloads.address;
import static dev.kumo.runtime.process.Workloads.get;
import static dev.kumo.runtime.process.Workloads.isReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.spi.LogSelection;
import dev.kumo.runtime.spi.StoppedLog;
import dev.kumo.runtime.support.LogRetention;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workload logs with real processes: a crashed run's own lines as the previous run, lines selected by their
 * timestamps, and a stopped instance's log kept across a restart of the runtime until its retention drops it (a
 * clock moved ahead) with its files.
 */
class WorkloadLogsIT {

    private static final CrashBackoff SHORT = new CrashBackoff(Duration.ofMillis(200), Duration.ofSeconds(1),
            Duration.ofMinutes(10));

    @TempDir
    Path stateDir;
    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);
    private final InstantSource clock = () -> Instant.now().plus(ahead.get());
    private ProcessRuntime runtime;

    @AfterEach
    void closeRuntime() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void thePreviousRunOfACrashedInstanceIsThatRunsOwnLines() {
        runtime = ProcessRuntime.start(config().withBackoff(SHORT));
        String id = runtime.start(Workloads.python("exit").build()).id();

        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.instance(id).map(Instance::restarts).orElse(0) >= 2);

        List<LogLine> previous = runtime.logs(id).orElseThrow().previousRun();
        assertThat(previous.stream().map(LogLine::text).filter(text -> text.startsWith("workload exit pid")))
                .as("one run's start").hasSize(1);
        assertThat(previous.getLast().text()).isEqualTo("fatal: cannot open the database");
        assertThat(previous).hasSize(32).isSortedAccordingTo(Comparator.comparing(LogLine::at));
        List<LogLine> all = runtime.logs(id).orElseThrow().lines();
        assertThat(all.stream().filter(line -> line.text().startsWith("workload exit pid")).count())
                .as("every run is kept").isGreaterThanOrEqualTo(2);
    }

    @Test
    void sinceSelectsTheLinesWrittenFromThenOnByTheirTimestamps() {
        runtime = ProcessRuntime.start(config());
        String id = runtime.start(Workloads.python("serve").build()).id();
        await().atMost(Duration.ofSeconds(20)).until(() -> isReady(runtime, id));
        get(address(runtime, id), "/before");
        await().atMost(Duration.ofSeconds(10)).until(() -> texts(runtime.logs(id).orElseThrow().lines())
                .contains("request /before"));
        Instant since = clock.instant();
        get(address(runtime, id), "/after");
        await().atMost(Duration.ofSeconds(10)).until(() -> texts(runtime.logs(id).orElseThrow().lines())
                .contains("request /after"));

        List<LogLine> selected = runtime.logs(id).orElseThrow().read(new LogSelection(Optional.of(since),
                OptionalInt.empty()));

        assertThat(texts(selected)).contains("request /after").doesNotContain("request /before");
        assertThat(selected.getFirst().at()).isAfterOrEqualTo(since);
        assertThat(selected.getFirst().timestamp()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z");
    }

    @Test
    void aStoppedInstancesLogOutlivesARestartUntilItsRetentionDropsItAndItsFiles() throws Exception {
        runtime = ProcessRuntime.start(config());
        String id = runtime.start(Workloads.python("serve").build()).id();
        await().atMost(Duration.ofSeconds(20)).until(() -> isReady(runtime, id));
        runtime.stop(id).get(20, TimeUnit.SECONDS);
        Path logDir = stateDir.resolve("logs").resolve(id);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logDir.resolve("output.log"))))
                .isEqualTo("rw-------");
        assertThat(runtime.stoppedLogs()).extracting(StoppedLog::instanceId).containsExactly(id);
        runtime.close();

        runtime = ProcessRuntime.start(config());

        StoppedLog kept = runtime.stoppedLogs().getFirst();
        assertThat(kept.instanceId()).isEqualTo(id);
        assertThat(kept.revision()).isEqualTo(Workloads.HELLO);
        assertThat(texts(kept.logs().lines())).anyMatch(text -> text.startsWith("workload serve pid"));
        assertThat(runtime.logs(id)).isPresent();

        ahead.set(Duration.ofMinutes(61));
        assertThat(runtime.stoppedLogs()).isEmpty();
        assertThat(runtime.logs(id)).isEmpty();
        assertThat(logDir).doesNotExist();
    }

    private ProcessRuntimeConfig config() {
        return ProcessRuntimeConfig.defaults(stateDir).withClock(clock)
                .withLogRetention(LogRetention.DEFAULTS.withAfterStop(Duration.ofHours(1)));
    }

    private static List<String> texts(List<LogLine> lines) {
        return lines.stream().map(LogLine::text).toList();
    }
}
