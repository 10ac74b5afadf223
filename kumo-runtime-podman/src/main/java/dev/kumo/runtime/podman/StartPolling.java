package dev.kumo.runtime.podman;

import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.ProbeSpec;
import java.time.Duration;
import java.time.Instant;

/**
 * When a starting container is probed while its socket may appear, under a readiness probe through the published
 * port with no declared period: every 0.5 ms for the first 20 ms, then every millisecond until 2 s have passed
 * (as the process runtime's {@code StartPolling}, over a longer window: a container's start is slower); after that,
 * or with a declared period, {@link ProbeTimes} alone. A refused loopback connect to the pod's published port costs microseconds; {@link ProbeTimes}' 10 ms look while
 * starting cost up to 10 ms of every cold start, the one a request at zero waits for.
 */
record StartPolling(Instant from) {

    static final Duration FIRST_INTERVAL = Duration.ofNanos(500_000);
    static final Duration FIRST_SPAN = Duration.ofMillis(20);
    static final Duration INTERVAL = Duration.ofMillis(1);
    static final Duration WINDOW = Duration.ofSeconds(2);

    /** The readiness probe after one made at {@code lastProbe}: the earlier of the schedule's and the fast poll's. */
    static Instant next(ProbeTimes schedule, Instant startedAt, Instant lastProbe, boolean ready) {
        Instant scheduled = schedule.after(lastProbe, ready);
        ProbeSpec spec = schedule.spec();
        if (ready || !spec.period().isZero() || spec.probe() instanceof Probe.Exec
                || spec.probe() instanceof Probe.Running) {
            return scheduled;
        }
        StartPolling polling = new StartPolling(startedAt);
        if (!lastProbe.isBefore(startedAt.plus(WINDOW))) {
            return scheduled;
        }
        Instant fast = polling.after(lastProbe);
        return fast.isBefore(scheduled) ? fast : scheduled;
    }

    /** The poll after one made at {@code lastProbe}, or the end of the window. */
    Instant after(Instant lastProbe) {
        Instant next = lastProbe.plus(lastProbe.isBefore(from.plus(FIRST_SPAN)) ? FIRST_INTERVAL : INTERVAL);
        Instant end = from.plus(WINDOW);
        return next.isBefore(end) ? next : end;
    }
}
