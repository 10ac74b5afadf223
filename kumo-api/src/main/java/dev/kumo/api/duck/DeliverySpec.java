package dev.kumo.api.duck;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How events are delivered ({@code DeliverySpec}): the dead-letter sink, {@code retry} extra attempts with a
 * {@code linear} or {@code exponential} backoff from {@code backoffDelay}, and a per-attempt {@code timeout}; the
 * durations are ISO-8601 ({@code PT0.2S}). {@code retryAfterMax} is gated by a Knative feature that is off.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliverySpec(
        Destination deadLetterSink,
        Integer retry,
        String timeout,
        String backoffPolicy,
        String backoffDelay,
        String retryAfterMax,
        String format) {

    public static final String LINEAR = "linear";
    public static final String EXPONENTIAL = "exponential";

    /** Knative's cluster default for Brokers that set no delivery ({@code config-br-defaults}). */
    public static final DeliverySpec BROKER_DEFAULT =
            new DeliverySpec(null, 10, null, EXPONENTIAL, "PT0.2S", null, null);

    /** This spec with its dead-letter sink's ref in {@code namespace} when it names none. */
    public DeliverySpec withDefaultNamespace(String namespace) {
        return deadLetterSink == null ? this : new DeliverySpec(deadLetterSink.withDefaultNamespace(namespace), retry,
                timeout, backoffPolicy, backoffDelay, retryAfterMax, format);
    }
}
