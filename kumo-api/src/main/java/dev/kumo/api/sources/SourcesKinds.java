package dev.kumo.api.sources;

import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.KindRules;
import dev.kumo.api.kinds.ObjectMetaValidation.NameRule;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.kinds.TypedAdmission;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.sources.defaults.SourceDefaults;
import dev.kumo.api.sources.validation.ApiServerSourceValidation;
import dev.kumo.api.sources.validation.ContainerSourceValidation;
import dev.kumo.api.sources.validation.PingSourceValidation;
import dev.kumo.api.sources.validation.SinkBindingValidation;
import java.util.List;

/** Admission of the sources.knative.dev/v1 kinds. No source has immutable fields in Knative. */
public final class SourcesKinds {

    private SourcesKinds() {
    }

    public static List<KindDefinition> all() {
        return List.of(
                kind(ResourceTypes.PING_SOURCE, PingSource.class, KindRules.<PingSource>of(
                        (value, existing) -> SourceDefaults.ping(value),
                        (value, existing) -> PingSourceValidation.validate(value))),
                kind(ResourceTypes.API_SERVER_SOURCE, ApiServerSource.class, KindRules.<ApiServerSource>of(
                        (value, existing) -> SourceDefaults.apiServer(value),
                        (value, existing) -> ApiServerSourceValidation.validate(value))),
                kind(ResourceTypes.SINK_BINDING, SinkBinding.class, KindRules.<SinkBinding>of(
                        (value, existing) -> SourceDefaults.sinkBinding(value),
                        (value, existing) -> SinkBindingValidation.validate(value))),
                kind(ResourceTypes.CONTAINER_SOURCE, ContainerSource.class, KindRules.<ContainerSource>of(
                        (value, existing) -> SourceDefaults.container(value),
                        (value, existing) -> ContainerSourceValidation.validate(value))));
    }

    private static <T extends HasMetadata> KindDefinition kind(ResourceType type, Class<T> record,
            TypedAdmission.Rules<T> rules) {
        return new KindDefinition(type, new TypedAdmission<>(type, record, NameRule.DNS1123_SUBDOMAIN, rules));
    }
}
