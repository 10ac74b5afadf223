package dev.kumo.api.rbac;

import dev.kumo.api.meta.LabelSelectorSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kubernetes' ClusterRole aggregation ({@code pkg/controller/clusterroleaggregation}), pure: the rules of a
 * ClusterRole with an {@code aggregationRule} are, selector by selector, the rules of every other ClusterRole whose
 * labels it matches, those ClusterRoles taken by name, each rule once.
 */
public final class ClusterRoleAggregation {

    private ClusterRoleAggregation() {
    }

    /** The rules {@code role} aggregates from {@code all}; empty when it has no aggregationRule. */
    public static Optional<List<PolicyRule>> rules(ClusterRole role, Collection<ClusterRole> all) {
        if (role.aggregationRule() == null || role.aggregationRule().clusterRoleSelectors() == null) {
            return Optional.empty();
        }
        List<ClusterRole> byName = all.stream().filter(other -> !other.metadata().name().equals(
                role.metadata().name())).sorted(Comparator.comparing(other -> other.metadata().name())).toList();
        List<PolicyRule> rules = new ArrayList<>();
        for (LabelSelectorSpec selector : role.aggregationRule().clusterRoleSelectors()) {
            for (ClusterRole other : byName) {
                if (selector.toSelector().matches(labels(other))) {
                    other.rulesOrEmpty().stream().filter(rule -> !rules.contains(rule)).forEach(rules::add);
                }
            }
        }
        return Optional.of(List.copyOf(rules));
    }

    private static Map<String, String> labels(ClusterRole role) {
        return role.metadata().labels() == null ? Map.of() : role.metadata().labels();
    }
}
