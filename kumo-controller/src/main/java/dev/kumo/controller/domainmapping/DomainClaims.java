package dev.kumo.controller.domainmapping;

import dev.kumo.api.meta.Condition;
import dev.kumo.api.serving.DomainMapping;
import dev.kumo.api.serving.lifecycle.ConditionSet;
import dev.kumo.api.serving.lifecycle.DomainMappingConditions;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who holds a domain when DomainMappings of one name exist in several namespaces (Knative's ClusterDomainClaim):
 * the first created; among those created in the same second, the one whose status already holds the claim, then the
 * namespace first in order. Pure: the candidates are all mappings of that name not being deleted.
 */
final class DomainClaims {

    private static final Comparator<DomainMapping> FIRST = Comparator
            .comparing((DomainMapping m) -> Optional.ofNullable(m.metadata().creationTimestamp()).orElse(""))
            .thenComparing(m -> !claimed(m))
            .thenComparing(m -> m.metadata().namespace());

    private DomainClaims() {
    }

    /** The mapping holding the domain among {@code candidates}, if there is any. */
    static Optional<DomainMapping> holder(List<DomainMapping> candidates) {
        return candidates.stream().filter(m -> m.metadata().deletionTimestamp() == null).min(FIRST);
    }

    private static boolean claimed(DomainMapping mapping) {
        List<Condition> conditions = mapping.status() == null ? null : mapping.status().conditions();
        return ConditionSet.find(conditions, DomainMappingConditions.DOMAIN_CLAIMED)
                .map(c -> ConditionSet.TRUE.equals(c.status())).orElse(false);
    }
}
