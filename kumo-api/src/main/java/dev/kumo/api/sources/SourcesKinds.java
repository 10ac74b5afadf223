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
import dev.kumo.api.printing.Cell;
import dev.kumo.api.printing.PrinterColumn;
import dev.kumo.api.printing.Printing;
import java.util.ArrayList;
import java.util.List;

/**
 * The sources.knative.dev/v1 kinds: admission (no source has immutable fields in Knative) and printer columns —
 * SINK AGE READY REASON for kubectl, kn's source-specific columns then SINK for the CLI.
 */
public final class SourcesKinds {

    private static final PrinterColumn SINK_URI = PrinterColumn.value("Sink", ".status.sinkUri");

    private SourcesKinds() {
    }

    public static List<KindDefinition> all() {
        return List.of(
                kind(ResourceTypes.PING_SOURCE, PingSource.class, KindRules.<PingSource>of(
                        (value, existing) -> SourceDefaults.ping(value),
                        (value, existing) -> PingSourceValidation.validate(value)))
                        .withPrinting(printing(List.of(SINK_URI, PrinterColumn.value("Schedule", ".spec.schedule")),
                                PrinterColumn.value("SCHEDULE", ".spec.schedule"))),
                kind(ResourceTypes.API_SERVER_SOURCE, ApiServerSource.class, KindRules.<ApiServerSource>of(
                        (value, existing) -> SourceDefaults.apiServer(value),
                        (value, existing) -> ApiServerSourceValidation.validate(value)))
                        .withPrinting(printing(List.of(SINK_URI),
                                PrinterColumn.rendered("RESOURCES", ".spec.resources[*]", Cell.REFERENCE))),
                kind(ResourceTypes.SINK_BINDING, SinkBinding.class, KindRules.<SinkBinding>of(
                        (value, existing) -> SourceDefaults.sinkBinding(value),
                        (value, existing) -> SinkBindingValidation.validate(value)))
                        .withPrinting(printing(List.of(SINK_URI),
                                PrinterColumn.rendered("SUBJECT", ".spec.subject", Cell.REFERENCE))),
                kind(ResourceTypes.CONTAINER_SOURCE, ContainerSource.class, KindRules.<ContainerSource>of(
                        (value, existing) -> SourceDefaults.container(value),
                        (value, existing) -> ContainerSourceValidation.validate(value)))
                        .withPrinting(printing(List.of(SINK_URI), PrinterColumn.rendered("IMAGE",
                                ".spec.template.spec.containers[0]", Cell.IMAGE_OR_COMMAND))));
    }

    /** kubectl: NAME, {@code kubectl}, AGE READY REASON; kn: NAME, {@code kn}, SINK, AGE CONDITIONS READY REASON. */
    private static Printing printing(List<PrinterColumn> kubectl, PrinterColumn kn) {
        List<PrinterColumn> withAge = new ArrayList<>(kubectl);
        withAge.add(PrinterColumn.age("Age"));
        return new Printing(Printing.named("Name", withAge, Printing.readiness()), Printing.named("NAME",
                List.of(kn, PrinterColumn.rendered("SINK", ".spec.sink", Cell.DESTINATION)), Printing.knStatus()));
    }

    private static <T extends HasMetadata> KindDefinition kind(ResourceType type, Class<T> record,
            TypedAdmission.Rules<T> rules) {
        return new KindDefinition(type, new TypedAdmission<>(type, record, NameRule.DNS1123_SUBDOMAIN, rules));
    }
}
