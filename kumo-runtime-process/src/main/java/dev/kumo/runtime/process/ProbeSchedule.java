package dev.kumo.runtime.process;

import dev.kumo.runtime.spi.ProbeSpec;
import java.time.Duration;
import java.time.Instant;

/**
 * When to probe next. A readiness probe with no period polls fast while the instance starts (10 ms for the first
 * second, 25 ms to 10 s, then 250 ms) so cold starts stay short, and every second once ready; otherwise the
 * declared period applies, or Kubernetes' 10 s when a liveness probe declares none.
 */
record ProbeSchedule(ProbeSpec spec, Instant startedAt, Kind kind) {

    static final Duration FASTEST = Duration.ofMillis(10);
    static final Duration FAST = Duration.ofMillis(25);
    static final Duration SLOW_START = Duration.ofMillis(250);
    static final Duration READY_DEFAULT_PERIOD = Duration.ofSeconds(1);
    static final Duration LIVENESS_DEFAULT_PERIOD = Duration.ofSeconds(10);

    /** Which kind of probe is scheduled. */
    enum Kind { READINESS, LIVENESS }

    /** The first probe: right after the initial delay. */
    Instant first() {
        return startedAt.plus(spec.initialDelay());
    }

    /** The probe after one made at {@code lastProbe}, given whether the instance is ready now. */
    Instant after(Instant lastProbe, boolean ready) {
        return lastProbe.plus(interval(lastProbe, ready));
    }

    private Duration interval(Instant lastProbe, boolean ready) {
        if (!spec.period().isZero()) {
            return spec.period();
        }
        if (kind == Kind.LIVENESS) {
            return LIVENESS_DEFAULT_PERIOD;
        }
        if (ready) {
            return READY_DEFAULT_PERIOD;
        }
        Duration sinceStart = Duration.between(startedAt, lastProbe);
        if (sinceStart.compareTo(Duration.ofSeconds(1)) < 0) {
            return FASTEST;
        }
        return sinceStart.compareTo(Duration.ofSeconds(10)) < 0 ? FAST : SLOW_START;
    }
}
