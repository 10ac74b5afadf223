package dev.kumo.autoscaler;

import java.time.Instant;
import java.util.Objects;

/**
 * One autoscaling decision for a revision.
 *
 * @param at when it was taken
 * @param desiredScale the instances the revision should run
 * @param excessBurstCapacity spare capacity beyond the target burst capacity; negative means the activator should
 *     stay in the request path (Knative's EBC, -1 when target-burst-capacity is -1)
 * @param panicking whether the decider is in panic mode
 * @param activatorInPath whether requests should go through the activator (Knative's SKS proxy mode): unless
 *     instances are wanted and the excess burst capacity is not negative
 * @param reason a short human phrase saying why, as {@code kumo revision describe} shows it
 */
public record ScaleDecision(Instant at, int desiredScale, int excessBurstCapacity, boolean panicking,
        boolean activatorInPath, String reason) {

    public ScaleDecision {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        if (desiredScale < 0) {
            throw new IllegalArgumentException("desiredScale is " + desiredScale + ", want >= 0");
        }
    }
}
