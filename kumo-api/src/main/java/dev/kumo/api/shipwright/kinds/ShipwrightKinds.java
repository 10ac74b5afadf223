package dev.kumo.api.shipwright.kinds;

import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.KindRules;
import dev.kumo.api.kinds.ObjectMetaValidation.NameRule;
import dev.kumo.api.kinds.TypedAdmission;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.placeholder.PlaceholderKinds;
import dev.kumo.api.printing.Cell;
import dev.kumo.api.printing.PrinterColumn;
import dev.kumo.api.printing.Printing;
import dev.kumo.api.shipwright.Build;
import dev.kumo.api.shipwright.BuildRun;
import dev.kumo.api.shipwright.ShipwrightTypes;
import dev.kumo.api.shipwright.defaults.ShipwrightDefaults;
import dev.kumo.api.shipwright.validation.BuildRunValidation;
import dev.kumo.api.shipwright.validation.BuildValidation;
import java.util.List;

/**
 * The shipwright.io/v1beta1 kinds, with Shipwright's names, short names and printer columns: Build (REGISTERED
 * REASON BUILDSTRATEGYKIND BUILDSTRATEGYNAME CREATIONTIME), BuildRun ({@code br}; SUCCEEDED REASON STARTTIME
 * COMPLETIONTIME, and a read-only {@code log} subresource) and ClusterBuildStrategy ({@code cbs}; read-only, the
 * server writes one per built-in strategy).
 */
public final class ShipwrightKinds {

    private static final ResourceType BUILD = ShipwrightTypes.BUILD;
    private static final ResourceType BUILD_RUN = ShipwrightTypes.BUILD_RUN;
    private static final String SUCCEEDED = ".status.conditions[?(@.type==\"Succeeded\")]";

    private ShipwrightKinds() {
    }

    public static List<KindDefinition> all() {
        return List.of(
                new KindDefinition(BUILD, new TypedAdmission<>(BUILD, Build.class, NameRule.DNS1123_SUBDOMAIN,
                        KindRules.<Build>of((value, existing) -> ShipwrightDefaults.build(value),
                                (value, existing) -> BuildValidation.validate(value))))
                        .withPrinting(buildColumns()),
                new KindDefinition(BUILD_RUN, new TypedAdmission<>(BUILD_RUN, BuildRun.class,
                        NameRule.DNS1123_SUBDOMAIN, KindRules.<BuildRun>of(
                                (value, existing) -> ShipwrightDefaults.buildRun(value),
                                BuildRunValidation::validate)))
                        .withPrinting(buildRunColumns()).withSubresources("log"),
                new KindDefinition(ShipwrightTypes.CLUSTER_BUILD_STRATEGY, PlaceholderKinds.refusing(
                        "ClusterBuildStrategies are built into Kumo (its strategies are code, not step images): list "
                                + "them with kubectl get clusterbuildstrategies and name one in a Build's "
                                + "spec.strategy.name"))
                        .withPrinting(new Printing(List.of(PrinterColumn.name("Name"), PrinterColumn.age("Age")),
                                Printing.NAME_AND_AGE.kn())));
    }

    private static Printing buildColumns() {
        return new Printing(List.of(PrinterColumn.name("Name"), PrinterColumn.value("Registered", ".status.registered"),
                PrinterColumn.value("Reason", ".status.reason"),
                PrinterColumn.value("BuildStrategyKind", ".spec.strategy.kind"),
                PrinterColumn.value("BuildStrategyName", ".spec.strategy.name"), PrinterColumn.age("CreationTime")),
                List.of(PrinterColumn.name("NAME"), PrinterColumn.value("STRATEGY", ".spec.strategy.name"),
                        PrinterColumn.value("OUTPUT", ".spec.output.image"),
                        PrinterColumn.value("REGISTERED", ".status.registered"),
                        PrinterColumn.value("REASON", ".status.reason"), PrinterColumn.created("AGE")));
    }

    private static Printing buildRunColumns() {
        return new Printing(List.of(PrinterColumn.name("Name"), PrinterColumn.value("Succeeded", SUCCEEDED + ".status"),
                PrinterColumn.value("Reason", SUCCEEDED + ".reason"), date("StartTime", ".status.startTime"),
                date("CompletionTime", ".status.completionTime")),
                List.of(PrinterColumn.name("NAME"), PrinterColumn.value("BUILD", ".spec.build.name"),
                        PrinterColumn.value("SUCCEEDED", SUCCEEDED + ".status"),
                        PrinterColumn.value("REASON", SUCCEEDED + ".reason"),
                        PrinterColumn.value("DIGEST", ".status.output.digest"), PrinterColumn.created("AGE")));
    }

    /** A {@code type: date} column of another timestamp than the creation's, rendered as an age like kubectl does. */
    private static PrinterColumn date(String name, String jsonPath) {
        return new PrinterColumn(name, "date", "", jsonPath, 0, Cell.AGE);
    }
}
