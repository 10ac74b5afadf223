package dev.kumo.dataplane.router;

import java.util.concurrent.ThreadLocalRandom;

/** The weighted targets of one host, ready to pick from. */
record HostRoute(WeightedPicker picker, RevisionTarget[] targets) {

    /** A target drawn by weight; weighted random keeps picking lock-free across event loops. */
    RevisionTarget pick() {
        return targets.length == 1 ? targets[0] : targets[picker.pick(roll())];
    }

    /** The target of the draw {@code roll} (0–99). */
    RevisionTarget pick(int roll) {
        return targets.length == 1 ? targets[0] : targets[picker.pick(roll)];
    }

    /** A draw over the weights, 0–99. */
    static int roll() {
        return ThreadLocalRandom.current().nextInt(100);
    }
}
