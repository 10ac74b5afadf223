package dev.kumo.controller.route;

import dev.kumo.api.meta.Condition;
import dev.kumo.api.serving.Configuration;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.TrafficTarget;
import dev.kumo.api.serving.lifecycle.ConditionSet;
import dev.kumo.api.serving.lifecycle.ConfigurationConditions;
import dev.kumo.api.serving.lifecycle.RevisionConditions;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.route.resources.ResolvedTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Resolves each traffic target to a ready Revision: a pinned one, or its Configuration's latest ready one. */
final class TrafficResolver {

    /** Either every target resolved, or the first problem found. */
    sealed interface Resolution {
        record Resolved(List<ResolvedTarget> targets) implements Resolution {
        }

        record Unresolved(TrafficProblem problem) implements Resolution {
        }
    }

    private final TypedStore<Configuration> configurations;
    private final TypedStore<Revision> revisions;

    TrafficResolver(TypedStore<Configuration> configurations, TypedStore<Revision> revisions) {
        this.configurations = configurations;
        this.revisions = revisions;
    }

    Resolution resolve(String namespace, List<TrafficTarget> traffic) {
        List<ResolvedTarget> resolved = new ArrayList<>();
        for (TrafficTarget target : traffic) {
            String revisionName;
            if (target.pinnedRevision().isPresent()) {
                revisionName = target.pinnedRevision().get();
            } else {
                String configName = target.configurationName();
                Optional<Configuration> configuration = configurations.get(namespace, configName);
                if (configuration.isEmpty()) {
                    return unresolved(TrafficProblem.missing("Configuration", configName));
                }
                Optional<String> latestReady = Optional.ofNullable(configuration.get().status())
                        .map(s -> s.latestReadyRevisionName()).filter(n -> !n.isEmpty());
                if (latestReady.isEmpty()) {
                    return unresolved(failed(configuration.get())
                            ? TrafficProblem.configurationFailed(configName)
                            : TrafficProblem.configurationNotReady(configName));
                }
                revisionName = latestReady.get();
            }
            Optional<Revision> revision = revisions.get(namespace, revisionName);
            if (revision.isEmpty()) {
                return unresolved(TrafficProblem.missing("Revision", revisionName));
            }
            Optional<Condition> ready = revision.get().status() == null ? Optional.empty()
                    : ConditionSet.find(revision.get().status().conditions(), RevisionConditions.READY);
            if (ready.isEmpty() || !ready.get().isTrue()) {
                return unresolved(ready.map(Condition::isFalse).orElse(false)
                        ? TrafficProblem.revisionFailed(revisionName)
                        : TrafficProblem.revisionNotReady(revisionName));
            }
            resolved.add(new ResolvedTarget(target, revision.get()));
        }
        return new Resolution.Resolved(resolved);
    }

    private static boolean failed(Configuration configuration) {
        return configuration.status() != null && ConditionSet.find(configuration.status().conditions(),
                ConfigurationConditions.READY).map(Condition::isFalse).orElse(false);
    }

    private static Resolution unresolved(TrafficProblem problem) {
        return new Resolution.Unresolved(problem);
    }
}
