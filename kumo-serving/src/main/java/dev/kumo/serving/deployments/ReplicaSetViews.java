package dev.kumo.serving.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.apps.Deployment;
import dev.kumo.api.apps.DeploymentStrategy;
import dev.kumo.api.apps.ReplicaSet;
import dev.kumo.api.apps.ReplicaSetSpec;
import dev.kumo.api.apps.ReplicaSetStatus;
import dev.kumo.api.apps.RolloutBounds;
import dev.kumo.api.meta.LabelSelectorSpec;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.meta.OwnerReference;
import dev.kumo.api.serving.RevisionTemplateSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ReplicaSets a Deployment shows (pure): one per pod template, named {@code NAME-<pod-template-hash>}, a view
 * of the Deployment's instances (the instances are the one source of truth; nothing runs a ReplicaSet). The current
 * template's gets the next revision (Kubernetes' {@code deployment.kubernetes.io/revision}: one past the highest of
 * the others, so a rollback's template becomes the newest again); old ones show their remaining instances and are
 * kept, once at 0, up to {@code revisionHistoryLimit}.
 */
public final class ReplicaSetViews {

    public static final String REVISION = "deployment.kubernetes.io/revision";
    public static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
    public static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private ReplicaSetViews() {
    }

    /** The instance counts of one template: running, ready, available (ready for minReadySeconds). */
    public record Counts(int replicas, int ready, int available) {
        public static final Counts NONE = new Counts(0, 0, 0);
    }

    /** What to write: the views (spec and status as wanted), the names to delete, the Deployment's revision. */
    public record Plan(List<ReplicaSet> views, List<String> delete, String revision) {
    }

    /**
     * The hash of {@code deployment}'s template: that of an {@code owned} ReplicaSet whose template is the same but
     * for {@code pod-template-hash} (as Kubernetes finds the new ReplicaSet, so a rolled-back template, which went
     * through kubectl's types, is its old ReplicaSet's again), else the template's own hash.
     */
    public static String currentHash(Deployment deployment, List<ReplicaSet> owned) {
        JsonNode wanted = DeploymentInstances.canonical(deployment.spec().template());
        return owned.stream().filter(rs -> rs.spec() != null && DeploymentInstances.canonical(rs.spec().template()).equals(wanted))
                .map(ReplicaSetViews::hashOf).flatMap(Optional::stream).findFirst()
                .orElseGet(() -> DeploymentInstances.templateHash(deployment.spec().template()));
    }

    /** The views of {@code deployment} (stored, with its uid) whose current template has {@code hash}. */
    public static Plan plan(Deployment deployment, String hash, List<ReplicaSet> owned, Map<String, Counts> counts) {
        String name = deployment.metadata().name() + "-" + hash;
        List<ReplicaSet> old = owned.stream().filter(rs -> !rs.metadata().name().equals(name)).toList();
        long maxOld = old.stream().mapToLong(ReplicaSetViews::revisionOf).max().orElse(0);
        Optional<ReplicaSet> existing = owned.stream().filter(rs -> rs.metadata().name().equals(name)).findFirst();
        long revision = existing.map(ReplicaSetViews::revisionOf).filter(r -> r > maxOld).orElse(maxOld + 1);
        List<ReplicaSet> views = new ArrayList<>();
        views.add(current(deployment, hash, name, revision, counts.getOrDefault(hash, Counts.NONE)));
        List<ReplicaSet> idle = new ArrayList<>();
        for (ReplicaSet rs : old) {
            Counts c = hashOf(rs).map(h -> counts.getOrDefault(h, Counts.NONE)).orElse(Counts.NONE);
            views.add(rs.withSpec(new ReplicaSetSpec(c.replicas(), rs.spec().minReadySeconds(), rs.spec().selector(),
                    rs.spec().template())).withStatus(status(c)));
            if (c.replicas() == 0) {
                idle.add(rs);
            }
        }
        int limit = deployment.spec().revisionHistoryLimit() == null ? 10 : deployment.spec().revisionHistoryLimit();
        List<String> delete = idle.stream().sorted(Comparator.comparingLong(ReplicaSetViews::revisionOf))
                .limit(Math.max(0, idle.size() - limit)).map(rs -> rs.metadata().name()).toList();
        views.removeIf(rs -> delete.contains(rs.metadata().name()));
        return new Plan(views, delete, Long.toString(revision));
    }

    /** The revision a ReplicaSet shows (0 without one). */
    public static long revisionOf(ReplicaSet rs) {
        try {
            return Long.parseLong(rs.metadata().annotationsOrEmpty().getOrDefault(REVISION, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static ReplicaSet current(Deployment deployment, String hash, String name, long revision, Counts c) {
        int wanted = deployment.spec().replicasOrDefault();
        DeploymentStrategy strategy = deployment.spec().strategy();
        int surge = strategy != null && DeploymentStrategy.RECREATE.equals(strategy.type()) ? 0
                : RolloutBounds.of(deployment.spec()).maxSurge();
        Map<String, String> annotations = new LinkedHashMap<>(deployment.metadata().annotationsOrEmpty());
        annotations.remove(LAST_APPLIED);
        annotations.put(REVISION, Long.toString(revision));
        annotations.put(DESIRED_REPLICAS, Integer.toString(wanted));
        annotations.put(MAX_REPLICAS, Integer.toString(wanted + surge));
        RevisionTemplateSpec template = deployment.spec().template();
        ObjectMeta templateMeta = template.metadata() == null ? ObjectMeta.EMPTY : template.metadata();
        Map<String, String> labels = new LinkedHashMap<>(templateMeta.labelsOrEmpty());
        labels.put(DeploymentInstances.TEMPLATE_HASH_LABEL, hash);
        LabelSelectorSpec selector = deployment.spec().selector();
        Map<String, String> matchLabels = new LinkedHashMap<>(selector == null || selector.matchLabels() == null
                ? Map.of() : selector.matchLabels());
        matchLabels.put(DeploymentInstances.TEMPLATE_HASH_LABEL, hash);
        ObjectMeta metadata = ObjectMeta.builder().name(name).namespace(deployment.metadata().namespace())
                .labels(labels).annotations(annotations).ownerReferences(List.of(new OwnerReference("apps/v1",
                        "Deployment", deployment.metadata().name(), deployment.metadata().uid(), true, true)))
                .build();
        return new ReplicaSet("apps/v1", "ReplicaSet", metadata, new ReplicaSetSpec(wanted,
                deployment.spec().minReadySeconds(), new LabelSelectorSpec(matchLabels,
                        selector == null ? null : selector.matchExpressions()),
                template.withMetadata(templateMeta.withLabel(DeploymentInstances.TEMPLATE_HASH_LABEL, hash))),
                status(c));
    }

    private static ReplicaSetStatus status(Counts c) {
        return new ReplicaSetStatus(c.replicas(), c.replicas(), c.ready(), c.available(), null);
    }

    private static Optional<String> hashOf(ReplicaSet rs) {
        return Optional.ofNullable(rs.metadata().labelsOrEmpty().get(DeploymentInstances.TEMPLATE_HASH_LABEL));
    }
}
