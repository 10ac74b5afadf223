package dev.kumo.api.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;

/** A Knative DomainMapping: its name is a domain, whose requests go to the Service its spec references. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DomainMapping(String apiVersion, String kind, ObjectMeta metadata, DomainMappingSpec spec,
        DomainMappingStatus status) implements HasMetadata {

    /** A new DomainMapping with the given metadata and spec and no status. */
    public static DomainMapping of(ObjectMeta metadata, DomainMappingSpec spec) {
        return new DomainMapping(ResourceTypes.DOMAIN_MAPPING.apiVersion(), ResourceTypes.DOMAIN_MAPPING.kind(),
                metadata, spec, null);
    }

    public DomainMapping withSpec(DomainMappingSpec value) {
        return new DomainMapping(apiVersion, kind, metadata, value, status);
    }

    public DomainMapping withStatus(DomainMappingStatus value) {
        return new DomainMapping(apiVersion, kind, metadata, spec, value);
    }
}
