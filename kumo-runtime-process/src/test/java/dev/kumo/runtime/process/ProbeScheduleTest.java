package dev.kumo.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.ProbeSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProbeScheduleTest {

    private static final Instant STARTED = Instant.parse("2025-01-01T00:00:00Z");
    private static final ProbeSpec AGGRESSIVE = ProbeSpec.defaultReadiness();
    private static final ProbeSpec EVERY_3S = ProbeSpec.of(Probe.defaultTcp()).withPeriod(Duration.ofSeconds(3));

    record Row(String name, ProbeSpec spec, ProbeSchedule.Kind kind, Duration lastProbe, boolean ready,
            Duration wantInterval) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        var readiness = ProbeSchedule.Kind.READINESS;
        var liveness = ProbeSchedule.Kind.LIVENESS;
        return Stream.of(
                new Row("starting: 10ms in the first second", AGGRESSIVE, readiness, Duration.ZERO, false,
                        Duration.ofMillis(10)),
                new Row("starting: still 10ms at 999ms", AGGRESSIVE, readiness, Duration.ofMillis(999), false,
                        Duration.ofMillis(10)),
                new Row("starting: 25ms from 1s", AGGRESSIVE, readiness, Duration.ofSeconds(1), false,
                        Duration.ofMillis(25)),
                new Row("starting: 250ms from 10s", AGGRESSIVE, readiness, Duration.ofSeconds(10), false,
                        Duration.ofMillis(250)),
                new Row("ready: every second", AGGRESSIVE, readiness, Duration.ofMillis(300), true,
                        Duration.ofSeconds(1)),
                new Row("declared period while starting", EVERY_3S, readiness, Duration.ZERO, false,
                        Duration.ofSeconds(3)),
                new Row("declared period once ready", EVERY_3S, readiness, Duration.ofMinutes(1), true,
                        Duration.ofSeconds(3)),
                new Row("liveness without period: 10s", AGGRESSIVE, liveness, Duration.ZERO, false,
                        Duration.ofSeconds(10)),
                new Row("liveness with period", EVERY_3S, liveness, Duration.ofSeconds(5), true,
                        Duration.ofSeconds(3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void schedulesTheNextProbe(Row row) {
        ProbeSchedule schedule = new ProbeSchedule(row.spec(), STARTED, row.kind());
        Instant last = STARTED.plus(row.lastProbe());

        assertThat(schedule.after(last, row.ready())).isEqualTo(last.plus(row.wantInterval()));
    }

    @Test
    void firstProbeWaitsForTheInitialDelay() {
        ProbeSpec delayed = AGGRESSIVE.withInitialDelay(Duration.ofSeconds(2));

        assertThat(new ProbeSchedule(delayed, STARTED, ProbeSchedule.Kind.READINESS).first())
                .isEqualTo(STARTED.plusSeconds(2));
        assertThat(new ProbeSchedule(AGGRESSIVE, STARTED, ProbeSchedule.Kind.READINESS).first()).isEqualTo(STARTED);
    }
}
