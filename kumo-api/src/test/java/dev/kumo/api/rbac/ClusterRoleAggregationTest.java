package dev.kumo.api.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.meta.LabelSelectorSpec;
import dev.kumo.api.meta.ObjectMeta;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterRoleAggregationTest {

    private static final PolicyRule PODS = PolicyRule.resources(List.of("get"), List.of(""), List.of("pods"));
    private static final PolicyRule EVENTS = PolicyRule.resources(List.of("get"), List.of(""), List.of("events"));
    private static final PolicyRule SECRETS = PolicyRule.resources(List.of("get"), List.of(""), List.of("secrets"));

    @Test
    void theRulesAreThoseOfTheMatchedRolesByNameEachOnce() {
        ClusterRole monitoring = aggregating("monitoring", "aggregate-to-monitoring");
        List<ClusterRole> all = List.of(monitoring,
                role("z-events", Map.of("aggregate-to-monitoring", "true"), EVENTS, PODS),
                role("a-pods", Map.of("aggregate-to-monitoring", "true"), PODS),
                role("secrets", Map.of("aggregate-to-monitoring", "false"), SECRETS),
                role("unlabelled", Map.of(), SECRETS));

        assertThat(ClusterRoleAggregation.rules(monitoring, all)).hasValue(List.of(PODS, EVENTS));
    }

    @Test
    void aRoleWithoutAnAggregationRuleAggregatesNothingAndNoneAggregatesItself() {
        ClusterRole plain = role("plain", Map.of("aggregate-to-self", "true"), PODS);
        assertThat(ClusterRoleAggregation.rules(plain, List.of(plain))).isEmpty();
        ClusterRole self = new ClusterRole("rbac.authorization.k8s.io/v1", "ClusterRole", ObjectMeta.builder()
                .name("self").labels(Map.of("aggregate-to-self", "true")).build(), List.of(SECRETS),
                rule("aggregate-to-self"));
        assertThat(ClusterRoleAggregation.rules(self, List.of(self))).hasValue(List.of());
    }

    @Test
    void theBootstrapRolesAreAlreadyAggregated() {
        List<ClusterRole> roles = BootstrapPolicy.clusterRoles();
        for (ClusterRole role : roles) {
            Optional<List<PolicyRule>> aggregated = ClusterRoleAggregation.rules(role, roles);
            aggregated.ifPresent(rules -> assertThat(rules).as(role.metadata().name()).isEqualTo(role.rules()));
        }
        ClusterRole admin = roles.stream().filter(r -> r.metadata().name().equals("admin")).findFirst().orElseThrow();
        ClusterRole view = roles.stream().filter(r -> r.metadata().name().equals("view")).findFirst().orElseThrow();
        assertThat(admin.rules()).containsAll(view.rules()).hasSizeGreaterThan(view.rules().size());
        assertThat(view.rules()).isNotEmpty();
    }

    private static ClusterRole aggregating(String name, String label) {
        return new ClusterRole("rbac.authorization.k8s.io/v1", "ClusterRole", ObjectMeta.builder().name(name).build(),
                List.of(), rule(label));
    }

    private static ClusterRole.AggregationRule rule(String label) {
        return new ClusterRole.AggregationRule(List.of(new LabelSelectorSpec(Map.of(label, "true"), null)));
    }

    private static ClusterRole role(String name, Map<String, String> labels, PolicyRule... rules) {
        return new ClusterRole("rbac.authorization.k8s.io/v1", "ClusterRole", ObjectMeta.builder().name(name)
                .labels(labels).build(), List.of(rules), null);
    }
}
