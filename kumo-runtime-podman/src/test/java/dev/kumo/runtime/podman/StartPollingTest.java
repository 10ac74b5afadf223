package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.ProbeSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a starting container's readiness is probed again: fast while its socket may appear, else on schedule. */
class StartPollingTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aDefaultProbePollsEveryHalfMillisecondThenEveryMillisecondUntilTheWindowEnds() {
        ProbeTimes schedule = new ProbeTimes(ProbeSpec.defaultReadiness(), START, false);

        assertThat(StartPolling.next(schedule, START, START.plusMillis(5), false))
                .isEqualTo(START.plusMillis(5).plusNanos(500_000));
        assertThat(StartPolling.next(schedule, START, START.plusMillis(300), false)).isEqualTo(START.plusMillis(301));
        assertThat(StartPolling.next(schedule, START, START.plusMillis(1999).plusNanos(500_000), false))
                .isEqualTo(START.plusSeconds(2));
        assertThat(StartPolling.next(schedule, START, START.plusSeconds(2), false))
                .as("after the window, the schedule").isEqualTo(schedule.after(START.plusSeconds(2), false));
    }

    @Test
    void aReadyInstanceADeclaredPeriodAndAnExecProbeKeepTheirSchedule() {
        Instant now = START.plusMillis(50);
        List<ProbeTimes> scheduled = List.of(
                new ProbeTimes(ProbeSpec.defaultReadiness().withPeriod(Duration.ofSeconds(3)), START, false),
                new ProbeTimes(ProbeSpec.of(new Probe.Exec(List.of("true"))), START, false));
        for (ProbeTimes schedule : scheduled) {
            assertThat(StartPolling.next(schedule, START, now, false)).isEqualTo(schedule.after(now, false));
        }
        ProbeTimes defaults = new ProbeTimes(ProbeSpec.defaultReadiness(), START, false);
        assertThat(StartPolling.next(defaults, START, now, true)).isEqualTo(defaults.after(now, true));
    }
}
