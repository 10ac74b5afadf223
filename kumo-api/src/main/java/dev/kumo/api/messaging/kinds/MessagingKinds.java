package dev.kumo.api.messaging.kinds;

import dev.kumo.api.messaging.Channel;
import dev.kumo.api.messaging.ChannelDefaults;
import dev.kumo.api.messaging.InMemoryChannel;
import dev.kumo.api.messaging.Subscription;

import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.KindRules;
import dev.kumo.api.kinds.ObjectMetaValidation.NameRule;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.kinds.TypedAdmission;
import dev.kumo.api.messaging.defaults.MessagingDefaults;
import dev.kumo.api.messaging.validation.MessagingValidation;
import dev.kumo.api.printing.Cell;
import dev.kumo.api.printing.PrinterColumn;
import dev.kumo.api.printing.Printing;
import java.util.List;

/** The messaging.knative.dev/v1 kinds: admission and printer columns (Knative's CRDs', kn's). */
public final class MessagingKinds {

    /** Knative's Channel and InMemoryChannel CRD columns; kn's {@code channel list}: NAME TYPE URL AGE … */
    private static Printing channelColumns(String typePath) {
        return new Printing(
                Printing.named("Name", List.of(PrinterColumn.value("URL", ".status.address.url"),
                        PrinterColumn.age("Age")), Printing.readiness()),
                Printing.named("NAME", List.of(PrinterColumn.value("TYPE", typePath),
                        PrinterColumn.value("URL", ".status.address.url")), Printing.knStatus()));
    }

    /** Knative's Subscription CRD columns; kn's: NAME CHANNEL SUBSCRIBER REPLY DEAD LETTER SINK AGE … */
    private static final Printing SUBSCRIPTION_COLUMNS = new Printing(
            Printing.named("Name", List.of(PrinterColumn.age("Age")), Printing.readiness()),
            Printing.named("NAME", List.of(PrinterColumn.value("CHANNEL", ".spec.channel.name"),
                    PrinterColumn.rendered("SUBSCRIBER", ".spec.subscriber", Cell.DESTINATION),
                    PrinterColumn.rendered("REPLY", ".spec.reply", Cell.DESTINATION),
                    PrinterColumn.rendered("DEAD LETTER SINK", ".spec.delivery.deadLetterSink", Cell.DESTINATION)),
                    Printing.knStatus()));

    private MessagingKinds() {
    }

    /** The kinds; Channels without a template get their namespace's from {@code defaults}. */
    public static List<KindDefinition> all(ChannelDefaults defaults) {
        return List.of(
                new KindDefinition(ResourceTypes.CHANNEL, new TypedAdmission<>(ResourceTypes.CHANNEL, Channel.class,
                        NameRule.DNS1123_SUBDOMAIN, KindRules.<Channel>of(
                                (value, existing) -> MessagingDefaults.channel(value, existing,
                                        defaults.forNamespace(value.metadata().namespace())),
                                MessagingValidation::channel)))
                        .withPrinting(channelColumns(".spec.channelTemplate.kind")),
                new KindDefinition(ResourceTypes.IN_MEMORY_CHANNEL, new TypedAdmission<>(
                        ResourceTypes.IN_MEMORY_CHANNEL, InMemoryChannel.class, NameRule.DNS1123_SUBDOMAIN,
                        KindRules.<InMemoryChannel>of((value, existing) -> MessagingDefaults.inMemoryChannel(value),
                                MessagingValidation::inMemoryChannel)))
                        .withPrinting(channelColumns(".kind")),
                new KindDefinition(ResourceTypes.SUBSCRIPTION, new TypedAdmission<>(ResourceTypes.SUBSCRIPTION,
                        Subscription.class, NameRule.DNS1123_SUBDOMAIN, KindRules.<Subscription>of(
                                (value, existing) -> MessagingDefaults.subscription(value),
                                MessagingValidation::subscription)))
                        .withPrinting(SUBSCRIPTION_COLUMNS));
    }
}
