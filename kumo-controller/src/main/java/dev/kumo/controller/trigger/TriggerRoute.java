package dev.kumo.controller.trigger;

import dev.kumo.api.eventing.DeliveryOrder;
import dev.kumo.api.eventing.SubscriptionsApiFilter;
import dev.kumo.api.eventing.TriggerFilter;
import dev.kumo.controller.duck.Delivery;
import dev.kumo.controller.engine.NamespacedName;
import java.net.URI;
import java.util.List;

/**
 * What the data plane gets of a ready Trigger: its Broker (same namespace), its filters as written ({@code filters}
 * wins over {@code filter} when it has any), the resolved subscriber, the Trigger's own delivery
 * ({@link Delivery#NONE} when it sets none, so the Broker's applies) and the delivery order its annotation asks for.
 */
public record TriggerRoute(NamespacedName trigger, String broker, TriggerFilter filter,
        List<SubscriptionsApiFilter> filters, URI subscriber, Delivery delivery, DeliveryOrder order) {

    public TriggerRoute {
        filters = List.copyOf(filters);
    }
}
