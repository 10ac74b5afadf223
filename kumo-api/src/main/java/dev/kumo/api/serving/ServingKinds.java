package dev.kumo.api.serving;

import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.KindRules;
import dev.kumo.api.kinds.ObjectMetaValidation.NameRule;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.kinds.TypedAdmission;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.printing.PrinterColumn;
import dev.kumo.api.printing.Printing;
import dev.kumo.api.serving.defaults.KindDefaults;
import dev.kumo.api.serving.validation.ConfigurationValidation;
import dev.kumo.api.serving.validation.DomainMappingValidation;
import dev.kumo.api.serving.validation.NotHonouredFields;
import dev.kumo.api.serving.validation.RevisionValidation;
import dev.kumo.api.serving.validation.RouteValidation;
import dev.kumo.api.serving.validation.ServiceValidation;
import java.util.List;
import java.util.Map;

/**
 * The serving.knative.dev/v1 kinds (Services, Configurations, Revisions, Routes): admission and printer columns —
 * Knative's CRD columns for kubectl, kn's for the CLI.
 */
public final class ServingKinds {

    private static final String TEMPLATE_SPEC = "spec.template.spec";
    private static final PrinterColumn URL = PrinterColumn.value("URL", ".status.url");
    private static final PrinterColumn LATEST_CREATED =
            PrinterColumn.value("LatestCreated", ".status.latestCreatedRevisionName");
    private static final PrinterColumn LATEST_READY =
            PrinterColumn.value("LatestReady", ".status.latestReadyRevisionName");

    /** Knative's Service CRD columns; kn's {@code service list}: NAME URL LATEST AGE CONDITIONS READY REASON. */
    private static final Printing SERVICE_COLUMNS = new Printing(
            Printing.named("Name", List.of(URL, LATEST_CREATED, LATEST_READY), Printing.readiness()),
            Printing.named("NAME", List.of(URL, PrinterColumn.value("LATEST", ".status.latestCreatedRevisionName")),
                    Printing.knStatus()));

    /** Knative's Configuration CRD columns; kn has no configuration list, {@code kumo get cfg} shows NAME AGE. */
    private static final Printing CONFIGURATION_COLUMNS = new Printing(
            Printing.named("Name", List.of(LATEST_CREATED, LATEST_READY), Printing.readiness()),
            Printing.NAME_AND_AGE.kn());

    /**
     * Knative's Revision CRD columns. kn's revision list joins the Services' traffic (TRAFFIC, TAGS), which no
     * column of one Revision can show, so the CLI builds that table itself.
     */
    private static final Printing REVISION_COLUMNS = new Printing(
            Printing.named("Name", List.of(
                    PrinterColumn.value("Config Name", ".metadata.labels['serving.knative.dev/configuration']"),
                    PrinterColumn.value("Generation",
                            ".metadata.labels['serving.knative.dev/configurationGeneration']")),
                    Printing.readinessThen(PrinterColumn.value("Actual Replicas", ".status.actualReplicas"),
                            PrinterColumn.value("Desired Replicas", ".status.desiredReplicas"))),
            Printing.NAME_AND_AGE.kn());

    /** Knative's Route CRD columns; kn's {@code route list}: NAME URL READY. */
    private static final Printing ROUTE_COLUMNS = new Printing(
            Printing.named("Name", List.of(URL), Printing.readiness()),
            List.of(PrinterColumn.name("NAME"), URL, Printing.knReady()));

    /** Knative's DomainMapping CRD columns; kn's {@code domain list}: NAME URL READY KSVC. */
    private static final Printing DOMAIN_MAPPING_COLUMNS = new Printing(
            Printing.named("Name", List.of(URL), Printing.readiness()),
            List.of(PrinterColumn.name("NAME"), URL, Printing.knReady(), PrinterColumn.value("KSVC", ".spec.ref.name")));

    private ServingKinds() {
    }

    /** The serving kinds with Knative's own defaults and limits. */
    public static List<KindDefinition> all() {
        return all(ServingConfig.KNATIVE);
    }

    /** The serving kinds with the given cluster-wide defaults and limits. */
    public static List<KindDefinition> all(ServingConfig config) {
        return List.of(
                kind(ResourceTypes.SERVICE, Service.class, new KindRules<Service>(
                        (value, existing) -> KindDefaults.service(value, existing, config.defaults()),
                        (value, existing) -> ServiceValidation.validate(value, existing, config),
                        value -> templateWarnings(value.spec() == null ? null : value.spec().template())))
                        .withPrinting(SERVICE_COLUMNS),
                kind(ResourceTypes.CONFIGURATION, Configuration.class, new KindRules<Configuration>(
                        (value, existing) -> KindDefaults.configuration(value, existing, config.defaults()),
                        (value, existing) -> ConfigurationValidation.validate(value, existing, config),
                        value -> templateWarnings(value.spec() == null ? null : value.spec().template())))
                        .withPrinting(CONFIGURATION_COLUMNS),
                kind(ResourceTypes.REVISION, Revision.class, new KindRules<Revision>(
                        (value, existing) -> KindDefaults.revision(value, existing, config.defaults()),
                        (value, existing) -> RevisionValidation.validate(value, existing, config),
                        value -> NotHonouredFields.warnings(value.spec(), value.metadata() == null ? Map.of()
                                : value.metadata().annotationsOrEmpty(), "spec")))
                        .withPrinting(REVISION_COLUMNS)
                        .withSubresources("log", "autoscaling"),
                kind(ResourceTypes.ROUTE, Route.class, new KindRules<Route>(
                        (value, existing) -> KindDefaults.route(value),
                        (value, existing) -> RouteValidation.validate(value),
                        value -> List.of()))
                        .withPrinting(ROUTE_COLUMNS),
                new KindDefinition(ResourceTypes.DOMAIN_MAPPING, new TypedAdmission<>(ResourceTypes.DOMAIN_MAPPING,
                        DomainMapping.class, NameRule.DNS1123_SUBDOMAIN, KindRules.of(
                                (value, existing) -> KindDefaults.domainMapping(value),
                                (value, existing) -> DomainMappingValidation.validate(value))))
                        .withPrinting(DOMAIN_MAPPING_COLUMNS));
    }

    private static <T extends HasMetadata> KindDefinition kind(ResourceType type, Class<T> record,
            TypedAdmission.Rules<T> rules) {
        return new KindDefinition(type, new TypedAdmission<>(type, record, NameRule.DNS1035_LABEL, rules));
    }

    /** The warnings about a template's spec, under the template's own annotations (its Revisions'). */
    private static List<String> templateWarnings(RevisionTemplateSpec template) {
        if (template == null) {
            return List.of();
        }
        return NotHonouredFields.warnings(template.spec(), template.metadata() == null ? Map.of()
                : template.metadata().annotationsOrEmpty(), TEMPLATE_SPEC);
    }
}
