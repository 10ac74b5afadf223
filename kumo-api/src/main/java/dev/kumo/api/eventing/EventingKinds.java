package dev.kumo.api.eventing;

import dev.kumo.api.eventing.defaults.EventingDefaults;
import dev.kumo.api.eventing.validation.BrokerValidation;
import dev.kumo.api.eventing.validation.TriggerValidation;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.KindRules;
import dev.kumo.api.kinds.ObjectMetaValidation.NameRule;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.kinds.TypedAdmission;
import java.util.List;

/** Admission of the eventing.knative.dev/v1 kinds: Brokers and Triggers. */
public final class EventingKinds {

    private EventingKinds() {
    }

    public static List<KindDefinition> all() {
        return List.of(
                new KindDefinition(ResourceTypes.BROKER, new TypedAdmission<>(ResourceTypes.BROKER, Broker.class,
                        NameRule.DNS1123_SUBDOMAIN, KindRules.<Broker>of(
                                (value, existing) -> EventingDefaults.broker(value), BrokerValidation::validate))),
                new KindDefinition(ResourceTypes.TRIGGER, new TypedAdmission<>(ResourceTypes.TRIGGER, Trigger.class,
                        NameRule.DNS1123_SUBDOMAIN, KindRules.<Trigger>of(
                                (value, existing) -> EventingDefaults.trigger(value), TriggerValidation::validate))));
    }
}
