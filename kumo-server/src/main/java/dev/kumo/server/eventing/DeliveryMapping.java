package dev.kumo.server.eventing;

import dev.kumo.api.duck.DeliverySpec;
import dev.kumo.api.duck.IsoDuration;
import dev.kumo.controller.duck.Delivery;
import dev.kumo.eventing.api.BackoffPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** A delivery spec as written (strings, ISO-8601 durations), and a delivery order, turned into the mesh's typed ones. */
final class DeliveryMapping {

    private DeliveryMapping() {
    }

    /**
     * The mesh's spec for {@code delivery}. Admission has validated it; a zero {@code backoffDelay} (valid ISO-8601,
     * but the mesh wants a positive one) is left to the default, as a zero delay would be.
     */
    static dev.kumo.eventing.api.DeliverySpec toMesh(Delivery delivery) {
        if (delivery.spec().isEmpty()) {
            return dev.kumo.eventing.api.DeliverySpec.NONE;
        }
        DeliverySpec spec = delivery.spec().get();
        Optional<BackoffPolicy> policy = Optional.ofNullable(spec.backoffPolicy())
                .map(p -> p.equals(DeliverySpec.LINEAR) ? BackoffPolicy.LINEAR : BackoffPolicy.EXPONENTIAL);
        return new dev.kumo.eventing.api.DeliverySpec(delivery.deadLetterSink(),
                spec.retry() == null ? OptionalInt.empty() : OptionalInt.of(spec.retry()), policy,
                positive(spec.backoffDelay()), positive(spec.timeout()));
    }

    private static Optional<Duration> positive(String iso) {
        return Optional.ofNullable(iso).flatMap(IsoDuration::parse).filter(d -> !d.isNegative() && !d.isZero());
    }

    /** The mesh's delivery order for the one an annotation asks for. */
    static dev.kumo.eventing.api.DeliveryOrder toMesh(dev.kumo.api.eventing.DeliveryOrder order) {
        return switch (order) {
            case ORDERED -> dev.kumo.eventing.api.DeliveryOrder.ORDERED;
            case UNORDERED -> dev.kumo.eventing.api.DeliveryOrder.UNORDERED;
        };
    }
}
