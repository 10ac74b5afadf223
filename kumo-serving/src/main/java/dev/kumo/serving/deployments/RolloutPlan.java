package dev.kumo.serving.deployments;

import dev.kumo.api.apps.RolloutBounds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one reconcile does to a Deployment's instances (pure): scale the current template's to {@code replicas};
 * during a rollout start new ones while the total stays within {@code replicas + maxSurge}, and stop old ones while
 * at least {@code replicas - maxUnavailable} stay ready (old ones not ready first: they count for nothing).
 */
public record RolloutPlan(int start, List<String> stop) {

    /** One running instance: whether it runs the current template, and whether it is ready. */
    public record Replica(String id, boolean current, boolean ready, long startedOrder) {
    }

    public RolloutPlan {
        stop = List.copyOf(stop);
    }

    /**
     * The Recreate strategy's plan: while old instances run, all of them stop and nothing starts; the current
     * template's start once none is still stopping ({@code stopping}), then scale as {@link #of} does.
     */
    public static RolloutPlan recreate(int replicas, List<Replica> running, int stopping) {
        List<String> old = running.stream().filter(r -> !r.current()).map(Replica::id).toList();
        if (!old.isEmpty()) {
            return new RolloutPlan(0, old);
        }
        if (stopping > 0 && running.isEmpty()) {
            return new RolloutPlan(0, List.of());
        }
        return of(replicas, new RolloutBounds(0, Math.max(1, replicas)), running);
    }

    /** The plan for {@code replicas} of the current template over {@code running}, within {@code bounds}. */
    public static RolloutPlan of(int replicas, RolloutBounds bounds, List<Replica> running) {
        List<Replica> current = running.stream().filter(Replica::current).toList();
        List<Replica> old = running.stream().filter(r -> !r.current()).toList();
        List<String> stop = new ArrayList<>();
        if (current.size() > replicas) {
            // Scale in: the not-ready first, then the newest.
            current.stream().sorted(Comparator.comparing((Replica r) -> r.ready())
                    .thenComparing(Comparator.comparingLong(Replica::startedOrder).reversed()))
                    .limit(current.size() - replicas).forEach(r -> stop.add(r.id()));
        }
        int readyCurrent = (int) current.stream().filter(Replica::ready).filter(r -> !stop.contains(r.id())).count();
        int readyOld = (int) old.stream().filter(Replica::ready).count();
        old.stream().filter(r -> !r.ready()).forEach(r -> stop.add(r.id()));
        int minAvailable = Math.max(0, replicas - bounds.maxUnavailable());
        int mayStop = readyCurrent + readyOld - minAvailable;
        List<Replica> readyOldOnes = old.stream().filter(Replica::ready)
                .sorted(Comparator.comparingLong(Replica::startedOrder)).toList();
        for (Replica r : readyOldOnes) {
            if (mayStop <= 0) {
                break;
            }
            stop.add(r.id());
            mayStop--;
        }
        int left = running.size() - stop.size();
        int keptCurrent = current.size() - (int) current.stream().filter(r -> stop.contains(r.id())).count();
        int start = Math.max(0, Math.min(replicas - keptCurrent, replicas + bounds.maxSurge() - left));
        return new RolloutPlan(start, stop);
    }
}
