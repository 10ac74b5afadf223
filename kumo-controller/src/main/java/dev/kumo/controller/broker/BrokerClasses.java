package dev.kumo.controller.broker;

import dev.kumo.api.eventing.Broker;
import java.util.Set;

/**
 * The Broker classes Kumo serves: its own durable {@code KumoBroker}, and Knative's {@code MTChannelBasedBroker},
 * served by the same broker (Kumo has no channels), so manifests written for Knative's default class work as is.
 */
final class BrokerClasses {

    private static final Set<String> SERVED = Set.of(Broker.KUMO_CLASS, Broker.MT_CHANNEL_BASED_CLASS);

    private BrokerClasses() {
    }

    static boolean served(Broker broker) {
        return broker.brokerClass().isEmpty() || SERVED.contains(broker.brokerClass());
    }
}
