package dev.kumo.eventing.api;

/**
 * In what order a Trigger's or channel subscriber's events reach its subscriber: {@link #UNORDERED} (the default) has
 * up to {@code max-in-flight-per-trigger} deliveries under way in any order; {@link #ORDERED} has one under way at a
 * time per value of the events' {@code partitionkey} extension, in log order (events without it share one key), with
 * the same bound across keys.
 */
public enum DeliveryOrder {
    UNORDERED,
    ORDERED;

    /** The CloudEvents extension whose value orders events (as the Kafka binding's message key). */
    public static final String PARTITION_KEY = "partitionkey";
}
