package dev.kumo.api.eventing;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.duck.DeliverySpec;
import dev.kumo.api.duck.KReference;

/**
 * A Broker's desired state: the class-specific {@code config} object (immutable) and the {@code delivery} spec its
 * Triggers use unless they set their own.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BrokerSpec(KReference config, DeliverySpec delivery) {
}
