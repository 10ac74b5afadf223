package dev.kumo.api.messaging.validation;

import dev.kumo.api.duck.DeliveryValidation;
import dev.kumo.api.duck.DestinationValidation;
import dev.kumo.api.errors.FieldError;
import dev.kumo.api.eventing.DeliveryOrder;
import dev.kumo.api.messaging.Channel;
import dev.kumo.api.messaging.ChannelSpec;
import dev.kumo.api.messaging.ChannelTemplate;
import dev.kumo.api.messaging.InMemoryChannel;
import dev.kumo.api.messaging.Subscription;
import dev.kumo.api.messaging.SubscriptionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The messaging kinds' rules: a Channel's template is required and immutable, a Subscription's channel too. */
public final class MessagingValidation {

    private MessagingValidation() {
    }

    public static List<FieldError> channel(Channel value, Optional<Channel> existing) {
        ChannelSpec spec = value.spec() == null ? new ChannelSpec(null, null, null) : value.spec();
        List<FieldError> errors = new ArrayList<>(template(spec.channelTemplate(), "spec.channelTemplate"));
        errors.addAll(DeliveryValidation.validate(spec.delivery(), "spec.delivery"));
        existing.map(Channel::spec).map(ChannelSpec::channelTemplate)
                .filter(old -> !Objects.equals(old, spec.channelTemplate()))
                .ifPresent(old -> errors.add(FieldError.forbidden("spec.channelTemplate", "field is immutable: "
                        + "the Channel is backed by a " + old.kind() + "; delete and re-create it to change that")));
        return errors;
    }

    public static List<FieldError> inMemoryChannel(InMemoryChannel value, Optional<InMemoryChannel> existing) {
        return value.spec() == null ? List.of() : DeliveryValidation.validate(value.spec().delivery(),
                "spec.delivery");
    }

    /**
     * A Subscription names a channel (kind, apiVersion, name), at least one of subscriber and reply, valid
     * destinations and delivery, a valid delivery order annotation; its channel never changes.
     */
    public static List<FieldError> subscription(Subscription value, Optional<Subscription> existing) {
        SubscriptionSpec spec = value.spec() == null ? new SubscriptionSpec(null, null, null, null) : value.spec();
        List<FieldError> errors = new ArrayList<>();
        if (spec.channel() == null) {
            errors.add(FieldError.required("spec.channel", "the channel to subscribe to (apiVersion, kind, name)"));
        } else {
            errors.addAll(DestinationValidation.validate(spec.channel(), "spec.channel"));
        }
        if (spec.subscriber() == null && spec.reply() == null) {
            errors.add(FieldError.required("spec.reply, spec.subscriber", "expected at least one, got none"));
        }
        if (spec.subscriber() != null) {
            errors.addAll(DestinationValidation.validate(spec.subscriber(), "spec.subscriber"));
        }
        if (spec.reply() != null) {
            errors.addAll(DestinationValidation.validate(spec.reply(), "spec.reply"));
        }
        errors.addAll(DeliveryValidation.validate(spec.delivery(), "spec.delivery"));
        errors.addAll(DeliveryOrder.validate(value.metadata()));
        existing.map(Subscription::spec).map(SubscriptionSpec::channel)
                .filter(old -> !Objects.equals(old, spec.channel()))
                .ifPresent(old -> errors.add(FieldError.forbidden("spec.channel", "field is immutable: the "
                        + "Subscription reads " + old.kind() + " " + old.name() + "; create another Subscription "
                        + "for another channel")));
        return errors;
    }

    /** A channel template needs apiVersion and kind. */
    public static List<FieldError> template(ChannelTemplate template, String path) {
        if (template == null) {
            return List.of(FieldError.required(path, "the kind of channel, e.g. apiVersion messaging.knative.dev/v1, "
                    + "kind InMemoryChannel"));
        }
        List<FieldError> errors = new ArrayList<>();
        if (template.apiVersion() == null || template.apiVersion().isBlank()) {
            errors.add(FieldError.required(path + ".apiVersion", "e.g. messaging.knative.dev/v1"));
        }
        if (template.kind() == null || template.kind().isBlank()) {
            errors.add(FieldError.required(path + ".kind", "e.g. InMemoryChannel"));
        }
        return errors;
    }
}
