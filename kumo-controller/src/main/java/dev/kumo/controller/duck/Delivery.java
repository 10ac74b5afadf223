package dev.kumo.controller.duck;

import dev.kumo.api.duck.DeliverySpec;
import java.net.URI;
import java.util.Optional;

/**
 * A delivery spec as the data plane gets it: the spec as written ({@code empty} when the object sets none) and its
 * dead-letter sink resolved to a URI.
 */
public record Delivery(Optional<DeliverySpec> spec, Optional<URI> deadLetterSink) {

    /** No delivery spec of its own. */
    public static final Delivery NONE = new Delivery(Optional.empty(), Optional.empty());
}
