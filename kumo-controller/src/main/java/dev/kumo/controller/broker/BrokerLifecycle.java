package dev.kumo.controller.broker;

import static dev.kumo.api.eventing.lifecycle.BrokerConditions.ADDRESSABLE;
import static dev.kumo.api.eventing.lifecycle.BrokerConditions.DEAD_LETTER_SINK_RESOLVED;
import static dev.kumo.api.eventing.lifecycle.BrokerConditions.FILTER_READY;
import static dev.kumo.api.eventing.lifecycle.BrokerConditions.INGRESS_READY;
import static dev.kumo.api.eventing.lifecycle.BrokerConditions.SET;

import dev.kumo.api.eventing.BrokerStatus;
import dev.kumo.api.meta.Condition;
import dev.kumo.api.serving.Addressable;
import java.net.URI;
import java.time.InstantSource;
import java.util.List;

/** A Broker's status being reconciled, changed only through named mutators (Knative's broker_lifecycle). */
final class BrokerLifecycle {

    static final String CLASS_NOT_SERVED = "BrokerClassNotServed";
    static final String DEAD_LETTER_SINK_NOT_CONFIGURED = "DeadLetterSinkNotConfigured";
    static final String DEAD_LETTER_SINK_NOT_RESOLVED = "DeadLetterSinkNotResolved";

    private final BrokerStatus original;
    private final InstantSource clock;
    private List<Condition> conditions;
    private Addressable address;
    private String deadLetterSinkUri;

    BrokerLifecycle(BrokerStatus current, InstantSource clock) {
        this.original = current == null ? BrokerStatus.EMPTY : current;
        this.clock = clock;
        this.conditions = SET.initialize(original.conditions(), clock);
        this.address = original.address();
        this.deadLetterSinkUri = original.deadLetterSinkUri();
    }

    /** Another implementation's class: Kumo does not serve it, and says so on IngressReady. */
    void markClassNotServed(String brokerClass) {
        conditions = SET.markFalse(conditions, INGRESS_READY, CLASS_NOT_SERVED, "Broker class \"" + brokerClass
                + "\" is not served by Kumo: use KumoBroker (the default when the annotation is absent) or "
                + "MTChannelBasedBroker", clock);
    }

    void markDeadLetterSinkNotConfigured() {
        deadLetterSinkUri = null;
        conditions = SET.markTrueWithReason(conditions, DEAD_LETTER_SINK_RESOLVED, DEAD_LETTER_SINK_NOT_CONFIGURED,
                "No dead letter sink is configured.", clock);
    }

    void markDeadLetterSinkResolved(URI uri) {
        deadLetterSinkUri = uri.toString();
        conditions = SET.markTrue(conditions, DEAD_LETTER_SINK_RESOLVED, clock);
    }

    void markDeadLetterSinkNotResolved(String message) {
        deadLetterSinkUri = null;
        conditions = SET.markFalse(conditions, DEAD_LETTER_SINK_RESOLVED, DEAD_LETTER_SINK_NOT_RESOLVED,
                "spec.delivery.deadLetterSink: " + message, clock);
    }

    /** The mesh serves the Broker at {@code url}: ingress, filter (dispatch) and address are ready. */
    void markServed(URI url) {
        address = Addressable.of(url.toString());
        conditions = SET.markTrue(conditions, INGRESS_READY, clock);
        conditions = SET.markTrue(conditions, FILTER_READY, clock);
        conditions = SET.markTrue(conditions, ADDRESSABLE, clock);
    }

    BrokerStatus toStatus(long generation) {
        return original.toBuilder().observedGeneration(generation).conditions(conditions).address(address)
                .addresses(address == null ? null : List.of(new Addressable("http", address.url(), null, null)))
                .deadLetterSinkUri(deadLetterSinkUri).build();
    }
}
