package dev.kumo.api.rbac;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.LabelSelectorSpec;
import java.util.List;
import dev.kumo.api.meta.ObjectMeta;

/**
 * rbac.authorization.k8s.io/v1 ClusterRole: rules bound cluster-wide (ClusterRoleBinding) or in one namespace
 * (RoleBinding). With an {@code aggregationRule}, its rules are kept the union of the ClusterRoles it selects
 * ({@link ClusterRoleAggregation}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClusterRole(String apiVersion, String kind, ObjectMeta metadata, List<PolicyRule> rules,
        AggregationRule aggregationRule) implements HasMetadata {

    /** The ClusterRoles whose rules the aggregation controller copies into this one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AggregationRule(List<LabelSelectorSpec> clusterRoleSelectors) {
    }

    public List<PolicyRule> rulesOrEmpty() {
        return rules == null ? List.of() : rules;
    }
}
