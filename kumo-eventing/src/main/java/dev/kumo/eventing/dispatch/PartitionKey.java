package dev.kumo.eventing.dispatch;

import dev.kumo.eventing.api.DeliveryOrder;
import io.cloudevents.CloudEvent;

/** The key an event waits behind in a {@link KeyedSchedule}, by the route's {@link DeliveryOrder}. */
final class PartitionKey {

    /**
     * The one key of ordered events without a {@code partitionkey}: they are delivered in log order among themselves,
     * as the messages without a key of one Kafka partition are, and hold back no keyed event.
     */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "(no partitionkey)";
        }
    };

    private PartitionKey() {
    }

    /** Unordered: no key; ordered: the {@code partitionkey} value as text (so 7 and "7" are one key), else NONE. */
    static Object of(CloudEvent event, DeliveryOrder order) {
        if (order == DeliveryOrder.UNORDERED) {
            return KeyedSchedule.UNKEYED_ITEM;
        }
        Object value = event.getExtension(DeliveryOrder.PARTITION_KEY);
        return value == null ? NONE : value.toString();
    }
}
