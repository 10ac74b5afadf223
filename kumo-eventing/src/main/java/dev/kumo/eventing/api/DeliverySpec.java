package dev.kumo.eventing.api;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Knative's delivery spec, every field optional: where events go after the last attempt, how many retries follow
 * the first attempt, the backoff between them and the timeout of each attempt.
 */
public record DeliverySpec(Optional<URI> deadLetterSink, OptionalInt retry, Optional<BackoffPolicy> backoffPolicy,
        Optional<Duration> backoffDelay, Optional<Duration> timeout) {

    /** A spec that sets nothing (a Trigger with it uses its Broker's). */
    public static final DeliverySpec NONE = new DeliverySpec(Optional.empty(), OptionalInt.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /** Knative's default for Brokers: 10 retries, exponential backoff from 0.2 s, no dead-letter sink. */
    public static final DeliverySpec KNATIVE_DEFAULT = NONE.withRetry(10)
            .withBackoff(BackoffPolicy.EXPONENTIAL, Duration.ofMillis(200));

    public DeliverySpec {
        if (deadLetterSink == null || retry == null || backoffPolicy == null || backoffDelay == null
                || timeout == null) {
            throw new IllegalArgumentException("delivery spec fields are Optional, never null");
        }
        if (retry.isPresent() && retry.getAsInt() < 0) {
            throw new IllegalArgumentException("delivery.retry is " + retry.getAsInt() + ": want 0 or more");
        }
        backoffDelay.ifPresent(delay -> positive("delivery.backoffDelay", delay));
        timeout.ifPresent(t -> positive("delivery.timeout", t));
        deadLetterSink.ifPresent(sink -> {
            if (!sink.isAbsolute()) {
                throw new IllegalArgumentException("delivery.deadLetterSink is '" + sink
                        + "': want an absolute http URL");
            }
        });
    }

    /** True when no field is set. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** This spec, or {@code fallback} when this one sets nothing (a Trigger's delivery replaces the Broker's whole). */
    public DeliverySpec orElse(DeliverySpec fallback) {
        return isEmpty() ? fallback : this;
    }

    public DeliverySpec withDeadLetterSink(URI sink) {
        return new DeliverySpec(Optional.of(sink), retry, backoffPolicy, backoffDelay, timeout);
    }

    public DeliverySpec withRetry(int retries) {
        return new DeliverySpec(deadLetterSink, OptionalInt.of(retries), backoffPolicy, backoffDelay, timeout);
    }

    public DeliverySpec withBackoff(BackoffPolicy policy, Duration delay) {
        return new DeliverySpec(deadLetterSink, retry, Optional.of(policy), Optional.of(delay), timeout);
    }

    public DeliverySpec withTimeout(Duration perAttempt) {
        return new DeliverySpec(deadLetterSink, retry, backoffPolicy, backoffDelay, Optional.of(perAttempt));
    }

    private static void positive(String field, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " is " + value + ": want a positive duration such as PT0.2S");
        }
    }
}
