package dev.kumo.api.eventing;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.duck.DeliverySpec;
import dev.kumo.api.duck.Destination;
import dev.kumo.api.duck.KReference;
import java.util.List;

/**
 * A Trigger's desired state: its {@code broker} (required, immutable), the legacy exact-match {@code filter}, the
 * {@code filters} (ANDed, overriding {@code filter} when set), the {@code subscriber} and its {@code delivery}.
 * {@code brokerRef} is Knative's cross-namespace form, which Kumo does not serve.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TriggerSpec(
        String broker,
        KReference brokerRef,
        TriggerFilter filter,
        List<SubscriptionsApiFilter> filters,
        Destination subscriber,
        DeliverySpec delivery) {

    /** A spec with no field set, to be filled in by defaults. */
    public static final TriggerSpec EMPTY = new TriggerSpec(null, null, null, null, null, null);

    public List<SubscriptionsApiFilter> filtersOrEmpty() {
        return filters == null ? List.of() : filters;
    }

    public TriggerSpec withFilter(TriggerFilter value) {
        return new TriggerSpec(broker, brokerRef, value, filters, subscriber, delivery);
    }

    public TriggerSpec withSubscriber(Destination value) {
        return new TriggerSpec(broker, brokerRef, filter, filters, value, delivery);
    }

    public TriggerSpec withDelivery(DeliverySpec value) {
        return new TriggerSpec(broker, brokerRef, filter, filters, subscriber, value);
    }
}
