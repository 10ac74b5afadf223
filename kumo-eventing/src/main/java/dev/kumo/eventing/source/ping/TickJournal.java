package dev.kumo.eventing.source.ping;

import java.time.Instant;
import java.util.Optional;

/** Remembers, durably, up to which tick each PingSource has fired, so a restart never fires a tick twice. */
public interface TickJournal {

    /** The last tick fired for the source (or when it was armed); empty for a source never seen. */
    Optional<Instant> firedUpTo(String sourceId);

    /** Records that the source has fired everything up to {@code tick}; durable when this returns. */
    void record(String sourceId, Instant tick);

    /** Forgets the source: it was deleted. */
    void forget(String sourceId);
}
