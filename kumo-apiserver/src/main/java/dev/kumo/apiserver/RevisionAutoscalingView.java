package dev.kumo.apiserver;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where {@code GET …/revisions/NAME/autoscaling} reads from: what the autoscaler wants for a Revision now and its
 * last decisions. The serving platform implements it over its autoscaler; it is called on a worker thread.
 */
@FunctionalInterface
public interface RevisionAutoscalingView {

    /** The autoscaler's state for {@code revision} in {@code namespace}, or empty when it is not scaling it. */
    Optional<State> of(String namespace, String revision);

    /**
     * A Revision's autoscaling now.
     *
     * @param desiredScale the instances the autoscaler wants
     * @param actualScale the instances ready now
     * @param panicking whether the decider is in panic mode
     * @param activatorInPath whether requests go through the activator (Kumo's router holding them)
     * @param excessBurstCapacity Knative's EBC: spare capacity beyond the target burst capacity, negative when short
     * @param decisions the last decisions, oldest first
     */
    record State(int desiredScale, int actualScale, boolean panicking, boolean activatorInPath,
            int excessBurstCapacity, List<Decision> decisions) {

        public State {
            decisions = List.copyOf(decisions);
        }
    }

    /**
     * One decision of the autoscaler.
     *
     * @param at when it was taken
     * @param desiredScale the instances it asked for
     * @param excessBurstCapacity the EBC it saw
     * @param panicking whether it was in panic mode
     * @param activatorInPath whether it kept the activator in the request path
     * @param reason why, in a short phrase ({@code kumo revision describe} shows it)
     */
    record Decision(Instant at, int desiredScale, int excessBurstCapacity, boolean panicking,
            boolean activatorInPath, String reason) {

        public Decision {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
