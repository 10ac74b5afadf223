package dev.kumo.api.serving;

import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.KindRules;
import dev.kumo.api.kinds.ObjectMetaValidation.NameRule;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.kinds.TypedAdmission;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.printing.Cell;
import dev.kumo.api.printing.PrinterColumn;
import dev.kumo.api.printing.Printing;
import dev.kumo.api.serving.defaults.KindDefaults;
import dev.kumo.api.serving.validation.ConfigurationValidation;
import dev.kumo.api.serving.validation.NotHonouredFields;
import dev.kumo.api.serving.validation.RevisionValidation;
import dev.kumo.api.serving.validation.RouteValidation;
import dev.kumo.api.serving.validation.ServiceValidation;
import java.util.List;

/**
 * The serving.knative.dev/v1 kinds (Services, Configurations, Revisions, Routes): admission and printer columns —
 * Knative's CRD columns for kubectl, kn's for the CLI.
 */
public final class ServingKinds {

    private static final String TEMPLATE_SPEC = "spec.template.spec";
    private static final String LABELS = ".metadata.labels";
    private static final PrinterColumn LATEST_CREATED =
            PrinterColumn.value("LatestCreated", ".status.latestCreatedRevisionName");
    private static final PrinterColumn LATEST_READY =
            PrinterColumn.value("LatestReady", ".status.latestReadyRevisionName");

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
                                : value.spec().template()), TEMPLATE_SPEC)))
                        .withPrinting(new Printing(
                                Printing.named("Name", List.of(PrinterColumn.value("URL", ".status.url"),
                                        LATEST_CREATED, LATEST_READY), Printing.readiness()),
                                Printing.named("NAME", List.of(PrinterColumn.value("URL", ".status.url"),
                                        PrinterColumn.value("LATEST", ".status.latestCreatedRevisionName")),
                                        Printing.knStatus()))),
                kind(ResourceTypes.CONFIGURATION, Configuration.class, new KindRules<Configuration>(
                        (value, existing) -> KindDefaults.configuration(value, existing, config.defaults()),
                        (value, existing) -> ConfigurationValidation.validate(value, existing, config),
                        value -> NotHonouredFields.warnings(templateSpec(value.spec() == null ? null
                                : value.spec().template()), TEMPLATE_SPEC)))
                        .withPrinting(new Printing(Printing.named("Name", List.of(LATEST_CREATED, LATEST_READY),
                                Printing.readiness()), Printing.NAME_AND_AGE.kn())),
                kind(ResourceTypes.REVISION, Revision.class, new KindRules<Revision>(
                        (value, existing) -> KindDefaults.revision(value, existing, config.defaults()),
                        (value, existing) -> RevisionValidation.validate(value, existing, config),
                        value -> NotHonouredFields.warnings(value.spec(), "spec")))
                        // kn's revision list joins Services' traffic (TRAFFIC, TAGS): the CLI builds that table.
                        .withPrinting(new Printing(Printing.named("Name", List.of(
                                PrinterColumn.value("Config Name", LABELS + "['serving.knative.dev/configuration']"),
                                PrinterColumn.value("Generation",
                                        LABELS + "['serving.knative.dev/configurationGeneration']")),
                                revisionTail()), Printing.NAME_AND_AGE.kn()))
                        .withSubresources("log", "autoscaling"),
                kind(ResourceTypes.ROUTE, Route.class, new KindRules<Route>(
                        (value, existing) -> KindDefaults.route(value),
                        (value, existing) -> RouteValidation.validate(value),
                        value -> List.of()))
                        .withPrinting(new Printing(
                                Printing.named("Name", List.of(PrinterColumn.value("URL", ".status.url")),
                                        Printing.readiness()),
                                List.of(PrinterColumn.name("NAME"), PrinterColumn.value("URL", ".status.url"),
                                        PrinterColumn.rendered("READY", ".status.conditions[?(@.type==\"Ready\")]",
                                                Cell.READY)))));
    }

    private static List<PrinterColumn> revisionTail() {
        List<PrinterColumn> tail = new java.util.ArrayList<>(Printing.readiness());
        tail.add(PrinterColumn.value("Actual Replicas", ".status.actualReplicas"));
        tail.add(PrinterColumn.value("Desired Replicas", ".status.desiredReplicas"));
        return tail;
    }

    private static <T extends HasMetadata> KindDefinition kind(ResourceType type, Class<T> record,
            TypedAdmission.Rules<T> rules) {
        return new KindDefinition(type, new TypedAdmission<>(type, record, NameRule.DNS1035_LABEL, rules));
    }

    private static RevisionSpec templateSpec(RevisionTemplateSpec template) {
        return template == null ? null : template.spec();
    }
}
