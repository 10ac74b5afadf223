package dev.kumo.api.flows.kinds;

import dev.kumo.api.flows.Parallel;
import dev.kumo.api.flows.Sequence;

import dev.kumo.api.flows.defaults.FlowDefaults;
import dev.kumo.api.flows.validation.FlowValidation;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.KindRules;
import dev.kumo.api.kinds.ObjectMetaValidation.NameRule;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.kinds.TypedAdmission;
import dev.kumo.api.messaging.ChannelDefaults;
import dev.kumo.api.printing.PrinterColumn;
import dev.kumo.api.printing.Printing;
import java.util.List;

/** The flows.knative.dev/v1 kinds, Sequence and Parallel: admission and printer columns (Knative's CRDs', kn's). */
public final class FlowsKinds {

    /** Knative's Sequence and Parallel CRD columns; kn's {@code sequence list}: NAME URL AGE CONDITIONS READY … */
    private static final Printing FLOW_COLUMNS = new Printing(
            Printing.named("Name", List.of(PrinterColumn.value("URL", ".status.address.url"),
                    PrinterColumn.age("Age")), Printing.readiness()),
            Printing.named("NAME", List.of(PrinterColumn.value("URL", ".status.address.url")), Printing.knStatus()));

    private FlowsKinds() {
    }

    /** The kinds; flows without a channel template get their namespace's from {@code defaults}. */
    public static List<KindDefinition> all(ChannelDefaults defaults) {
        return List.of(
                new KindDefinition(ResourceTypes.SEQUENCE, new TypedAdmission<>(ResourceTypes.SEQUENCE,
                        Sequence.class, NameRule.DNS1123_SUBDOMAIN, KindRules.<Sequence>of(
                                (value, existing) -> FlowDefaults.sequence(value,
                                        defaults.forNamespace(value.metadata().namespace())),
                                FlowValidation::sequence)))
                        .withPrinting(FLOW_COLUMNS),
                new KindDefinition(ResourceTypes.PARALLEL, new TypedAdmission<>(ResourceTypes.PARALLEL,
                        Parallel.class, NameRule.DNS1123_SUBDOMAIN, KindRules.<Parallel>of(
                                (value, existing) -> FlowDefaults.parallel(value,
                                        defaults.forNamespace(value.metadata().namespace())),
                                FlowValidation::parallel)))
                        .withPrinting(FLOW_COLUMNS));
    }
}
