package dev.kumo.api.eventing;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.meta.ObjectMeta;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The delivery order a Trigger or Subscription asks for with Knative Kafka's annotation
 * {@code kafka.eventing.knative.dev/delivery.order}: {@code unordered} (the default) or {@code ordered} — one event
 * under way at a time per value of the events' {@code partitionkey} extension, in the order the broker or channel
 * stored them (events without one share a key).
 */
public enum DeliveryOrder {
    UNORDERED,
    ORDERED;

    /** The annotation, spelled as Knative's broker for Apache Kafka reads it on Triggers. */
    public static final String ANNOTATION = "kafka.eventing.knative.dev/delivery.order";

    /** The annotation's value for this order. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The order {@code metadata}'s annotation asks for; unordered when absent (or invalid: admission refuses that). */
    public static DeliveryOrder of(ObjectMeta metadata) {
        String value = metadata == null ? null : metadata.annotationsOrEmpty().get(ANNOTATION);
        return ORDERED.value().equals(value) ? ORDERED : UNORDERED;
    }

    /** The annotation's value, when set, is one of {@code ordered} and {@code unordered}. */
    public static List<FieldError> validate(ObjectMeta metadata) {
        String value = metadata == null ? null : metadata.annotationsOrEmpty().get(ANNOTATION);
        List<String> supported = Arrays.stream(values()).map(DeliveryOrder::value).toList();
        if (value == null || supported.contains(value)) {
            return List.of();
        }
        return List.of(FieldError.notSupported("metadata.annotations." + ANNOTATION, value, supported));
    }
}
