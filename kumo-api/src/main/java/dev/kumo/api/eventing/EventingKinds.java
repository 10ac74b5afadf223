package dev.kumo.api.eventing;

import dev.kumo.api.eventing.defaults.EventingDefaults;
import dev.kumo.api.eventing.validation.BrokerValidation;
import dev.kumo.api.eventing.validation.EventTypeValidation;
import dev.kumo.api.eventing.validation.TriggerValidation;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.KindRules;
import dev.kumo.api.kinds.ObjectMetaValidation.NameRule;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.kinds.TypedAdmission;
import dev.kumo.api.printing.Cell;
import dev.kumo.api.printing.PrinterColumn;
import dev.kumo.api.printing.Printing;
import java.util.List;

/** The eventing.knative.dev kinds, Brokers, Triggers (v1) and EventTypes (v1beta2): admission and printer columns (Knative's CRDs', kn's). */
public final class EventingKinds {

    /** Knative's Broker CRD columns (CLASS only with {@code -o wide}); kn's: NAME URL AGE CONDITIONS READY REASON. */
    private static final Printing BROKER_COLUMNS = new Printing(
            Printing.named("Name", List.of(PrinterColumn.value("URL", ".status.address.url"),
                    PrinterColumn.age("Age")), Printing.readinessThen(PrinterColumn.value("Class",
                    ".metadata.annotations['eventing.knative.dev/broker.class']").wide())),
            Printing.named("NAME", List.of(PrinterColumn.value("URL", ".status.address.url")), Printing.knStatus()));

    /** Knative's Trigger CRD columns; kn's: NAME BROKER SINK AGE CONDITIONS READY REASON. */
    private static final Printing TRIGGER_COLUMNS = new Printing(
            Printing.named("Name", List.of(PrinterColumn.value("Broker", ".spec.broker"),
                    PrinterColumn.value("Subscriber_URI", ".status.subscriberUri"), PrinterColumn.age("Age")),
                    Printing.readiness()),
            Printing.named("NAME", List.of(PrinterColumn.value("BROKER", ".spec.broker"),
                    PrinterColumn.rendered("SINK", ".spec.subscriber", Cell.DESTINATION)), Printing.knStatus()));

    /** Knative's EventType v1beta2 CRD columns; kn's {@code eventtype list}: NAME TYPE SOURCE REFERENCE AGE READY. */
    private static final Printing EVENT_TYPE_COLUMNS = new Printing(
            Printing.named("Name", List.of(PrinterColumn.value("Type", ".spec.type"),
                    PrinterColumn.value("Source", ".spec.source"), PrinterColumn.value("Schema", ".spec.schema"),
                    PrinterColumn.value("Reference Name", ".spec.reference.name"),
                    PrinterColumn.value("Reference Kind", ".spec.reference.kind"),
                    PrinterColumn.value("Description", ".spec.description")), Printing.readiness()),
            List.of(PrinterColumn.name("NAME"), PrinterColumn.value("TYPE", ".spec.type"),
                    PrinterColumn.value("SOURCE", ".spec.source"),
                    PrinterColumn.value("REFERENCE", ".spec.reference.name"), PrinterColumn.created("AGE"),
                    Printing.knReady()));

    private EventingKinds() {
    }

    public static List<KindDefinition> all() {
        return List.of(
                new KindDefinition(ResourceTypes.BROKER, new TypedAdmission<>(ResourceTypes.BROKER, Broker.class,
                        NameRule.DNS1123_SUBDOMAIN, KindRules.<Broker>of(
                                (value, existing) -> EventingDefaults.broker(value), BrokerValidation::validate)))
                        .withPrinting(BROKER_COLUMNS),
                new KindDefinition(ResourceTypes.TRIGGER, new TypedAdmission<>(ResourceTypes.TRIGGER, Trigger.class,
                        NameRule.DNS1123_SUBDOMAIN, KindRules.<Trigger>of(
                                (value, existing) -> EventingDefaults.trigger(value), TriggerValidation::validate)))
                        .withPrinting(TRIGGER_COLUMNS),
                new KindDefinition(ResourceTypes.EVENT_TYPE, new TypedAdmission<>(ResourceTypes.EVENT_TYPE,
                        EventType.class, NameRule.DNS1123_SUBDOMAIN, KindRules.<EventType>of(
                                (value, existing) -> value, EventTypeValidation::validate)))
                        .withPrinting(EVENT_TYPE_COLUMNS));
    }
}
