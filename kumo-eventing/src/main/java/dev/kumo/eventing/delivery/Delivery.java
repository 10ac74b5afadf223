package dev.kumo.eventing.delivery;

import dev.kumo.eventing.api.BackoffPolicy;
import dev.kumo.eventing.api.DeliverySpec;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The delivery one Trigger applies, resolved: the Trigger's spec if it sets any field, else its Broker's, else the
 * mesh default (a set spec replaces the one below it whole, as in Knative); unset fields then mean no retries, no
 * wait between them, the default attempt timeout and no dead-letter sink.
 */
public record Delivery(int retries, BackoffPolicy policy, Duration backoffDelay, Duration attemptTimeout,
        Optional<URI> deadLetterSink) {

    /** Where a backoff that overflows saturates. */
    static final Duration LONGEST_BACKOFF = Duration.ofDays(365);

    /** Resolves the spec that applies to a Trigger. */
    public static Delivery resolve(DeliverySpec trigger, DeliverySpec broker, DeliverySpec meshDefault,
            Duration defaultAttemptTimeout) {
        DeliverySpec spec = trigger.orElse(broker).orElse(meshDefault);
        return new Delivery(spec.retry().orElse(0), spec.backoffPolicy().orElse(BackoffPolicy.EXPONENTIAL),
                spec.backoffDelay().orElse(Duration.ZERO), spec.timeout().orElse(defaultAttemptTimeout),
                spec.deadLetterSink());
    }

    /** How long the {@code retry}-th retry (1 for the first) waits after the failed attempt before it. */
    public Duration backoff(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry number is " + retry + ", want >= 1");
        }
        long factor = switch (policy) {
            case LINEAR -> retry;
            case EXPONENTIAL -> retry > 62 ? Long.MAX_VALUE : 1L << (retry - 1);
        };
        try {
            Duration backoff = backoffDelay.multipliedBy(factor);
            return backoff.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : backoff;
        } catch (ArithmeticException e) {
            return LONGEST_BACKOFF;
        }
    }

    /**
     * What follows a failed attempt, the {@code attempt}-th (1 for the first): another attempt at a time computed
     * from {@code now}, or giving up (not retryable, or the retries are used up).
     */
    public Next afterFailure(int attempt, boolean retryable, Instant now) {
        if (!retryable || attempt > retries) {
            return new GiveUp();
        }
        return new RetryAt(now.plus(backoff(attempt)));
    }

    /** What follows a failed attempt. */
    public sealed interface Next permits RetryAt, GiveUp {
    }

    /** Attempt again at {@code at}. */
    public record RetryAt(Instant at) implements Next {
    }

    /** No more attempts: dead-letter the event, or drop it. */
    public record GiveUp() implements Next {
    }
}
