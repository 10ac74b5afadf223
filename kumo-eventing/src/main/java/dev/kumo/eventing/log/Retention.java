package dev.kumo.eventing.log;

import java.time.Duration;
import java.time.Instant;

/**
 * Which finished events the log may delete: those that arrived more than {@code maxAge} ago (read oldest first, up to
 * the first younger one: an event stored after it with an earlier arrival — a clock set back — waits for it), or that
 * lie more than {@code maxEvents} sequence numbers behind the newest. An event is finished when every Trigger of its
 * broker has passed it (a Trigger created later starts after it); unfinished events are never deleted.
 */
public record Retention(Duration maxAge, long maxEvents) {

    /** Events that arrived before this instant are old enough to go. */
    public Instant arrivedBefore(Instant now) {
        return now.minus(maxAge);
    }

    /** Events with a sequence number up to this are far enough behind {@code newestSeq} to go. */
    public long seqUpTo(long newestSeq) {
        return Math.max(0, newestSeq - maxEvents);
    }
}
