package dev.kumo.dataplane.router;

import java.util.concurrent.ThreadLocalRandom;

/** The weighted targets of one host, ready to pick from. */
record HostRoute(WeightedPicker picker, RevisionTarget[] targets) {

    /** A target drawn by weight; weighted random keeps picking lock-free across event loops. */
    RevisionTarget pick() {
        return targets.length == 1 ? targets[0] : targets[picker.pick(ThreadLocalRandom.current().nextInt(100))];
    }
}
