package dev.kumo.api.serving;

import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.KindRules;
import dev.kumo.api.kinds.ObjectMetaValidation.NameRule;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.kinds.TypedAdmission;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.serving.defaults.KindDefaults;
import dev.kumo.api.serving.validation.ConfigurationValidation;
import dev.kumo.api.serving.validation.NotHonouredFields;
import dev.kumo.api.serving.validation.RevisionValidation;
import dev.kumo.api.serving.validation.RouteValidation;
import dev.kumo.api.serving.validation.ServiceValidation;
import java.util.List;

/** Admission of the serving.knative.dev/v1 kinds: Services, Configurations, Revisions and Routes. */
public final class ServingKinds {

    private static final String TEMPLATE_SPEC = "spec.template.spec";

    private ServingKinds() {
    }

    /** The four kinds with Knative's own defaults and limits. */
    public static List<KindDefinition> all() {
        return all(ServingConfig.KNATIVE);
    }

    /** The four kinds with the given cluster-wide defaults and limits. */
    public static List<KindDefinition> all(ServingConfig config) {
        return List.of(
                kind(ResourceTypes.SERVICE, Service.class, new KindRules<Service>(
                        (value, existing) -> KindDefaults.service(value, existing, config.defaults()),
                        (value, existing) -> ServiceValidation.validate(value, existing, config),
                        value -> NotHonouredFields.warnings(templateSpec(value.spec() == null ? null
                                : value.spec().template()), TEMPLATE_SPEC))),
                kind(ResourceTypes.CONFIGURATION, Configuration.class, new KindRules<Configuration>(
                        (value, existing) -> KindDefaults.configuration(value, existing, config.defaults()),
                        (value, existing) -> ConfigurationValidation.validate(value, existing, config),
                        value -> NotHonouredFields.warnings(templateSpec(value.spec() == null ? null
                                : value.spec().template()), TEMPLATE_SPEC))),
                kind(ResourceTypes.REVISION, Revision.class, new KindRules<Revision>(
                        (value, existing) -> KindDefaults.revision(value, existing, config.defaults()),
                        (value, existing) -> RevisionValidation.validate(value, existing, config),
                        value -> NotHonouredFields.warnings(value.spec(), "spec"))),
                kind(ResourceTypes.ROUTE, Route.class, new KindRules<Route>(
                        (value, existing) -> KindDefaults.route(value),
                        (value, existing) -> RouteValidation.validate(value),
                        value -> List.of())));
    }

    private static <T extends HasMetadata> KindDefinition kind(ResourceType type, Class<T> record,
            TypedAdmission.Rules<T> rules) {
        return new KindDefinition(type, new TypedAdmission<>(type, record, NameRule.DNS1035_LABEL, rules));
    }

    private static RevisionSpec templateSpec(RevisionTemplateSpec template) {
        return template == null ? null : template.spec();
    }
}
