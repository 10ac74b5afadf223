package dev.kumo.api.apps;

import dev.kumo.api.serving.pod.IntOrString;
import java.util.Optional;

/**
 * A rolling update's bounds in Pods, as Kubernetes resolves them: {@code maxSurge} rounds percentages up,
 * {@code maxUnavailable} down, and when both come to 0 one Pod may be unavailable, so a rollout can always move.
 */
public record RolloutBounds(int maxSurge, int maxUnavailable) {

    /** Kubernetes' default for both: 25%. */
    public static final IntOrString DEFAULT = IntOrString.of("25%");

    /**
     * The bounds of {@code spec} (its defaults applied), for its {@code replicas}. Recreate has none (0 and 0, as
     * Kubernetes counts its availability): its plan stops every old Pod before starting new ones instead.
     */
    public static RolloutBounds of(DeploymentSpec spec) {
        int replicas = spec.replicasOrDefault();
        DeploymentStrategy strategy = spec.strategy();
        if (strategy != null && DeploymentStrategy.RECREATE.equals(strategy.type())) {
            return new RolloutBounds(0, 0);
        }
        DeploymentStrategy.RollingUpdate rolling = strategy == null ? null : strategy.rollingUpdate();
        int surge = resolve(rolling == null ? DEFAULT : orDefault(rolling.maxSurge()), replicas, true);
        int unavailable = resolve(rolling == null ? DEFAULT : orDefault(rolling.maxUnavailable()), replicas, false);
        return new RolloutBounds(surge, surge == 0 && unavailable == 0 ? 1 : unavailable);
    }

    /** A count or a percentage of {@code replicas} as Pods; empty-valued when not one of them. */
    static int resolve(IntOrString value, int replicas, boolean roundUp) {
        return percent(value).map(p -> roundUp ? (int) Math.ceil(p * replicas / 100.0) : p * replicas / 100)
                .orElseGet(() -> value.asInt().orElse(0));
    }

    /** The percentage a string value gives ({@code "25%"}), if it is one. */
    static Optional<Integer> percent(IntOrString value) {
        return value.asString().filter(s -> s.matches("[0-9]{1,9}%"))
                .map(s -> Integer.parseInt(s.substring(0, s.length() - 1)));
    }

    private static IntOrString orDefault(IntOrString value) {
        return value == null ? DEFAULT : value;
    }
}
