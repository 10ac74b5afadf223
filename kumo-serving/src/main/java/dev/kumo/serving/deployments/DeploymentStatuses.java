package dev.kumo.serving.deployments;

import dev.kumo.api.apps.Deployment;
import dev.kumo.api.apps.DeploymentStatus;
import dev.kumo.api.apps.DeploymentStatus.DeploymentCondition;
import dev.kumo.api.apps.RolloutBounds;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Deployment's status from its instances (pure), in Kubernetes' terms: the counts {@code kubectl rollout status}
 * reads, Available (MinimumReplicasAvailable / MinimumReplicasUnavailable), Progressing (ReplicaSetUpdated,
 * NewReplicaSetAvailable, ProgressDeadlineExceeded after {@code progressDeadlineSeconds} without progress) and
 * ReplicaFailure (FailedCreate) while the template cannot start.
 */
public final class DeploymentStatuses {

    private DeploymentStatuses() {
    }

    /** The counts of one look at the instances; available = ready for {@code minReadySeconds}. */
    public record Counts(int replicas, int updated, int ready, int available) {
    }

    /**
     * The status of {@code deployment} (whose ReplicaSet name is {@code replicaSet}) with {@code counts} at
     * {@code now}; {@code failedCreate} is why the last start failed, if it did.
     */
    public static DeploymentStatus of(Deployment deployment, String replicaSet, Counts counts,
            Optional<String> failedCreate, Instant now) {
        int wanted = deployment.spec().replicasOrDefault();
        Optional<DeploymentStatus> was = Optional.ofNullable(deployment.status());
        List<DeploymentCondition> previous = was.map(DeploymentStatus::conditions).orElse(List.of());
        boolean progressed = was.map(s -> !Objects.equals(s.replicas(), counts.replicas())
                || !Objects.equals(s.updatedReplicas(), counts.updated())
                || !Objects.equals(s.availableReplicas(), counts.available())).orElse(true)
                || !Objects.equals(was.map(DeploymentStatus::observedGeneration).orElse(null),
                        deployment.metadata().generation());
        int minAvailable = Math.max(0, wanted - RolloutBounds.of(deployment.spec()).maxUnavailable());
        List<DeploymentCondition> conditions = new ArrayList<>();
        conditions.add(counts.available() >= minAvailable
                ? condition(previous, "Available", "True", "MinimumReplicasAvailable",
                        "Deployment has minimum availability.", now, false)
                : condition(previous, "Available", "False", "MinimumReplicasUnavailable",
                        "Deployment does not have minimum availability.", now, false));
        boolean complete = counts.updated() == wanted && counts.replicas() == wanted && counts.available() >= wanted;
        conditions.add(progressing(deployment, replicaSet, previous, complete, progressed, now));
        failedCreate.ifPresent(message -> conditions.add(condition(previous, "ReplicaFailure", "True", "FailedCreate",
                message, now, false)));
        int unavailable = Math.max(0, wanted - counts.available());
        return new DeploymentStatus(deployment.metadata().generation(), counts.replicas(), counts.updated(),
                counts.ready(), counts.available(), unavailable == 0 ? null : unavailable, conditions);
    }

    private static DeploymentCondition progressing(Deployment deployment, String replicaSet,
            List<DeploymentCondition> previous, boolean complete, boolean progressed, Instant now) {
        if (complete) {
            return condition(previous, "Progressing", "True", "NewReplicaSetAvailable",
                    "ReplicaSet \"" + replicaSet + "\" has successfully progressed.", now, progressed);
        }
        Optional<DeploymentCondition> last = find(previous, "Progressing");
        Integer deadline = deployment.spec().progressDeadlineSeconds();
        boolean stalled = !progressed && deadline != null && last.filter(c -> "True".equals(c.status()))
                .map(c -> Instant.parse(c.lastUpdateTime()).plus(Duration.ofSeconds(deadline)).isBefore(now))
                .orElse(false);
        if (stalled || last.map(c -> "ProgressDeadlineExceeded".equals(c.reason())).orElse(false) && !progressed) {
            return condition(previous, "Progressing", "False", "ProgressDeadlineExceeded",
                    "ReplicaSet \"" + replicaSet + "\" has timed out progressing.", now, false);
        }
        return condition(previous, "Progressing", "True", "ReplicaSetUpdated",
                "ReplicaSet \"" + replicaSet + "\" is progressing.", now, progressed);
    }

    /** The condition, its times kept from {@code previous} unless its status (transition) or content changed. */
    private static DeploymentCondition condition(List<DeploymentCondition> previous, String type, String status,
            String reason, String message, Instant now, boolean touched) {
        Optional<DeploymentCondition> last = find(previous, type);
        String stamp = now.truncatedTo(ChronoUnit.SECONDS).toString();
        String transition = last.filter(c -> status.equals(c.status())).map(DeploymentCondition::lastTransitionTime)
                .orElse(stamp);
        String update = touched || last.map(c -> !status.equals(c.status()) || !reason.equals(c.reason())
                || !message.equals(c.message())).orElse(true) ? stamp : last.get().lastUpdateTime();
        return new DeploymentCondition(type, status, update, transition, reason, message);
    }

    private static Optional<DeploymentCondition> find(List<DeploymentCondition> conditions, String type) {
        return conditions == null ? Optional.empty()
                : conditions.stream().filter(c -> type.equals(c.type())).findFirst();
    }
}
