package dev.kumo.api.eventing;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;

/**
 * A Knative Broker: an addressable event mesh that stores the events sent to it and hands each to the Triggers
 * whose filters pass. Its class (annotation {@value #CLASS_ANNOTATION}) says which implementation serves it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Broker(String apiVersion, String kind, ObjectMeta metadata, BrokerSpec spec, BrokerStatus status)
        implements HasMetadata {

    /** The annotation naming the Broker's class; immutable once set. */
    public static final String CLASS_ANNOTATION = "eventing.knative.dev/broker.class";
    /** Kumo's own class, given to Brokers that name none: the durable broker of kumo-eventing. */
    public static final String KUMO_CLASS = "KumoBroker";
    /** Knative's channel-based broker class; accepted and recorded like any other class. */
    public static final String MT_CHANNEL_BASED_CLASS = "MTChannelBasedBroker";

    /** A new Broker with the given metadata and spec and no status. */
    public static Broker of(ObjectMeta metadata, BrokerSpec spec) {
        return new Broker(ResourceTypes.BROKER.apiVersion(), ResourceTypes.BROKER.kind(), metadata, spec, null);
    }

    /** The class annotation's value; empty when unset. */
    public String brokerClass() {
        return metadata == null ? "" : metadata.annotationsOrEmpty().getOrDefault(CLASS_ANNOTATION, "");
    }

    public Broker withMetadata(ObjectMeta value) {
        return new Broker(apiVersion, kind, value, spec, status);
    }

    public Broker withSpec(BrokerSpec value) {
        return new Broker(apiVersion, kind, metadata, value, status);
    }

    public Broker withStatus(BrokerStatus value) {
        return new Broker(apiVersion, kind, metadata, spec, value);
    }
}
