package dev.kumo.dataplane.router;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/** Chooses the usable instance with the fewest requests in flight, below a limit when there is one. */
final class LeastLoaded {

    private LeastLoaded() {
    }

    /** A random scan start so that ties spread over instances. */
    static int randomStart(int count) {
        return count <= 1 ? 0 : ThreadLocalRandom.current().nextInt(count);
    }

    /**
     * The index in [0, count) of the usable instance with the lowest load, scanning from {@code start} so that
     * ties spread over instances; {@code limit} > 0 excludes instances already at it. Returns -1 when none fits.
     */
    static int pick(int count, int start, IntPredicate usable, IntUnaryOperator load, int limit) {
        int best = -1;
        int bestLoad = Integer.MAX_VALUE;
        for (int n = 0; n < count; n++) {
            int i = (start + n) % count;
            if (!usable.test(i)) {
                continue;
            }
            int l = load.applyAsInt(i);
            if (l < bestLoad && (limit <= 0 || l < limit)) {
                best = i;
                bestLoad = l;
                if (l == 0) {
                    break; // nothing beats an idle instance
                }
            }
        }
        return best;
    }
}
