package dev.kumo.eventing.source.ping;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a PingSource does now: fire the tick that is due (if any) and wake again at the next one.
 *
 * @param due the tick to fire now, if one fell due since the last one fired and not longer than the catch-up
 *            limit ago (a tick missed while the server was down is fired late rather than lost, but never twice)
 * @param wakeAt when to plan again
 */
public record TickPlan(Optional<Instant> due, Instant wakeAt) {

    /** Plans from the last tick already fired (or the moment the source was armed) and the time now. */
    public static TickPlan plan(PingSchedule schedule, Instant firedUpTo, Instant now, Duration catchUp) {
        Optional<Instant> due = schedule.latest(now)
                .filter(tick -> tick.isAfter(firedUpTo))
                .filter(tick -> !tick.isBefore(now.minus(catchUp)));
        Instant wake = schedule.next(now).orElse(now.plus(Duration.ofDays(366)));
        return new TickPlan(due, wake);
    }
}
