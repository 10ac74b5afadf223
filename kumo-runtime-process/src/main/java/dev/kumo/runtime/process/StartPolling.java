package dev.kumo.runtime.process;

import java.time.Duration;
import java.time.Instant;

/**
 * When a starting instance is looked at while its socket may appear, under a default TCP or HTTP readiness probe
 * (no declared period): every 0.5 ms for the first 20 ms, then every millisecond until a second has passed. The
 * kernel has no event plain Java can wait on for a socket starting to listen, but a refused loopback connect costs
 * microseconds and one that succeeds tells at once that it listens (the probe runs then); a tighter look than
 * {@link ProbeSchedule}'s 10 ms takes up to 10 ms off every cold start. After the window, or once something
 * accepted, the schedule alone decides.
 */
record StartPolling(Instant from) {

    static final Duration FIRST_INTERVAL = Duration.ofNanos(500_000);
    static final Duration FIRST_SPAN = Duration.ofMillis(20);
    static final Duration INTERVAL = Duration.ofMillis(1);
    static final Duration WINDOW = Duration.ofSeconds(1);

    /** Whether a probe at {@code now} is one of the window's fast polls. */
    boolean covers(Instant now) {
        return now.isBefore(from.plus(WINDOW));
    }

    /** The poll after one made at {@code lastProbe}, or the end of the window, where the scheduled probes resume. */
    Instant after(Instant lastProbe) {
        Instant next = lastProbe.plus(lastProbe.isBefore(from.plus(FIRST_SPAN)) ? FIRST_INTERVAL : INTERVAL);
        Instant end = from.plus(WINDOW);
        return next.isBefore(end) ? next : end;
    }
}
