package dev.kumo.eventing.log;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * How far a Trigger has got through its broker's events, with deliveries finishing out of order: every event up to
 * the low-water mark is finished, and so are the listed ones above it. Not thread-safe.
 */
public final class TriggerPosition {

    private long lowWater;
    private final TreeSet<Long> finishedAbove;

    private TriggerPosition(long lowWater, TreeSet<Long> finishedAbove) {
        this.lowWater = lowWater;
        this.finishedAbove = finishedAbove;
    }

    /** A position where everything up to {@code lowWater} is finished and nothing above it. */
    public static TriggerPosition at(long lowWater) {
        return new TriggerPosition(lowWater, new TreeSet<>());
    }

    /** Reads back what {@link #encodeFinishedAbove()} wrote. */
    public static TriggerPosition decode(long lowWater, String finishedAbove) {
        TriggerPosition position = at(lowWater);
        if (!finishedAbove.isEmpty()) {
            for (String offset : finishedAbove.split(",")) {
                position.finish(lowWater + Long.parseLong(offset));
            }
        }
        return position;
    }

    /** Marks {@code seq} finished; the low-water mark moves up over every finished event that now joins it. */
    public void finish(long seq) {
        if (seq <= lowWater) {
            return;
        }
        if (seq != lowWater + 1) {
            finishedAbove.add(seq);
            return;
        }
        lowWater = seq;
        while (!finishedAbove.isEmpty() && finishedAbove.first() == lowWater + 1) {
            lowWater = finishedAbove.pollFirst();
        }
    }

    public boolean isFinished(long seq) {
        return seq <= lowWater || finishedAbove.contains(seq);
    }

    public long lowWater() {
        return lowWater;
    }

    /** How many events above the low-water mark are finished. */
    public int finishedAboveCount() {
        return finishedAbove.size();
    }

    /** The finished events above the low-water mark as comma-separated offsets from it (compact in the database). */
    public String encodeFinishedAbove() {
        List<String> offsets = new ArrayList<>(finishedAbove.size());
        for (long seq : finishedAbove) {
            offsets.add(Long.toString(seq - lowWater));
        }
        return String.join(",", offsets);
    }
}
