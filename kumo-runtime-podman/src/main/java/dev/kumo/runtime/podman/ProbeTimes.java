package dev.kumo.runtime.podman;

import dev.kumo.runtime.spi.ProbeSpec;
import java.time.Duration;
import java.time.Instant;

/**
 * When to probe next, as the process runtime does: a readiness probe with no period polls fast while the
 * instance starts (10 ms for the first second, 25 ms to 10 s, then 250 ms) and every second once ready; otherwise
 * the declared period, or Kubernetes' 10 s for a liveness probe that declares none.
 */
record ProbeTimes(ProbeSpec spec, Instant startedAt, boolean liveness) {

    /** The first probe: right after the initial delay. */
    Instant first() {
        return startedAt.plus(spec.initialDelay());
    }

    /** The probe after one made at {@code lastProbe}, given whether the instance is ready now. */
    Instant after(Instant lastProbe, boolean ready) {
        if (!spec.period().isZero()) {
            return lastProbe.plus(spec.period());
        }
        if (liveness) {
            return lastProbe.plusSeconds(10);
        }
        if (ready) {
            return lastProbe.plusSeconds(1);
        }
        Duration sinceStart = Duration.between(startedAt, lastProbe);
        return lastProbe.plusMillis(sinceStart.compareTo(Duration.ofSeconds(1)) < 0 ? 10
                : sinceStart.compareTo(Duration.ofSeconds(10)) < 0 ? 25 : 250);
    }
}
