package dev.kumo.api.flows;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.duck.DeliverySpec;
import dev.kumo.api.duck.Destination;

/**
 * One branch of a Parallel: an optional filter (it passes an event by replying with one), the subscriber
 * (required), where the subscriber's reply goes (else the Parallel's reply) and the subscriber's delivery.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParallelBranch(Destination filter, Destination subscriber, Destination reply, DeliverySpec delivery) {
}
