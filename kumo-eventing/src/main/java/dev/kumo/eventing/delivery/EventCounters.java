package dev.kumo.eventing.delivery;

import dev.kumo.eventing.api.MeshCounters;
import java.util.concurrent.atomic.LongAdder;

/** The mesh's running counters, bumped from any thread; {@link #snapshot()} reads them. */
public final class EventCounters {

    public final LongAdder accepted = new LongAdder();
    public final LongAdder rejected = new LongAdder();
    public final LongAdder delivered = new LongAdder();
    public final LongAdder retries = new LongAdder();
    public final LongAdder deadLettered = new LongAdder();
    public final LongAdder dropped = new LongAdder();
    public final LongAdder replies = new LongAdder();
    public final LongAdder repliesExpired = new LongAdder();
    public final LongAdder literalPercent = new LongAdder();
    public final LongAdder dispatchFailures = new LongAdder();

    public MeshCounters snapshot() {
        return new MeshCounters(accepted.sum(), rejected.sum(), delivered.sum(), retries.sum(), deadLettered.sum(),
                dropped.sum(), replies.sum(), repliesExpired.sum(), literalPercent.sum(),
                dispatchFailures.sum());
    }
}
