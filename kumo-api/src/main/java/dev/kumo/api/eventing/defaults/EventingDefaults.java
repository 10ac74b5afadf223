package dev.kumo.api.eventing.defaults;

import dev.kumo.api.duck.DeliverySpec;
import dev.kumo.api.eventing.Broker;
import dev.kumo.api.eventing.BrokerSpec;
import dev.kumo.api.eventing.Trigger;
import dev.kumo.api.eventing.TriggerFilter;
import dev.kumo.api.eventing.TriggerSpec;
import dev.kumo.api.meta.ObjectMeta;

/** Knative's SetDefaults for Brokers and Triggers, applied on create and on every update. */
public final class EventingDefaults {

    private EventingDefaults() {
    }

    /**
     * A Broker gets Kumo's class when it names none, Knative's cluster-default delivery (retry 10, exponential from
     * PT0.2S) when it sets none, and its namespace on the config and dead-letter references.
     */
    public static Broker broker(Broker value) {
        ObjectMeta metadata = metadata(value.metadata());
        String namespace = metadata.namespace();
        if (value.brokerClass().isEmpty()) {
            metadata = metadata.withAnnotation(Broker.CLASS_ANNOTATION, Broker.KUMO_CLASS);
        }
        BrokerSpec spec = value.spec() == null ? new BrokerSpec(null, null) : value.spec();
        DeliverySpec delivery = spec.delivery() == null ? DeliverySpec.BROKER_DEFAULT : spec.delivery();
        return value.withMetadata(metadata).withSpec(new BrokerSpec(
                spec.config() == null ? null : spec.config().withDefaultNamespace(namespace),
                delivery.withDefaultNamespace(namespace)));
    }

    /**
     * A Trigger gets an empty filter when it sets none, its namespace on the subscriber and dead-letter references,
     * and the label naming its Broker.
     */
    public static Trigger trigger(Trigger value) {
        ObjectMeta metadata = metadata(value.metadata());
        String namespace = metadata.namespace();
        TriggerSpec spec = value.spec() == null ? TriggerSpec.EMPTY : value.spec();
        spec = spec.withFilter(spec.filter() == null ? TriggerFilter.ANY : spec.filter())
                .withSubscriber(spec.subscriber() == null ? null : spec.subscriber().withDefaultNamespace(namespace))
                .withDelivery(spec.delivery() == null ? null : spec.delivery().withDefaultNamespace(namespace));
        if (spec.broker() != null && !spec.broker().isEmpty()) {
            metadata = metadata.withLabel(Trigger.BROKER_LABEL, spec.broker());
        }
        return value.withMetadata(metadata).withSpec(spec);
    }

    private static ObjectMeta metadata(ObjectMeta metadata) {
        return metadata == null ? ObjectMeta.EMPTY : metadata;
    }
}
