package dev.kumo.api.duck;

import dev.kumo.api.errors.FieldError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Knative's rules for a {@link DeliverySpec}: retries, backoff, ISO-8601 durations and the dead-letter sink. */
public final class DeliveryValidation {

    private static final Set<String> POLICIES = Set.of(DeliverySpec.LINEAR, DeliverySpec.EXPONENTIAL);
    private static final Set<String> FORMATS = Set.of("binary", "json");

    private DeliveryValidation() {
    }

    /** Validates {@code delivery} (absent is valid) at {@code path}. */
    public static List<FieldError> validate(DeliverySpec delivery, String path) {
        List<FieldError> errors = new ArrayList<>();
        if (delivery == null) {
            return errors;
        }
        if (delivery.deadLetterSink() != null) {
            errors.addAll(DestinationValidation.validate(delivery.deadLetterSink(), path + ".deadLetterSink"));
        }
        if (delivery.retry() != null && delivery.retry() < 0) {
            errors.add(FieldError.invalid(path + ".retry", delivery.retry(),
                    "must be 0 or more: the number of attempts after the first"));
        }
        if (delivery.timeout() != null) {
            Optional<Duration> timeout = IsoDuration.parse(delivery.timeout());
            if (timeout.isEmpty() || timeout.get().isZero()) {
                errors.add(FieldError.invalid(path + ".timeout", delivery.timeout(),
                        "must be a non-zero ISO-8601 duration, e.g. PT30S"));
            }
        }
        if (delivery.backoffPolicy() != null && !POLICIES.contains(delivery.backoffPolicy())) {
            errors.add(FieldError.notSupported(path + ".backoffPolicy", delivery.backoffPolicy(),
                    List.of(DeliverySpec.EXPONENTIAL, DeliverySpec.LINEAR)));
        }
        if (delivery.backoffDelay() != null && IsoDuration.parse(delivery.backoffDelay()).isEmpty()) {
            errors.add(FieldError.invalid(path + ".backoffDelay", delivery.backoffDelay(),
                    "must be an ISO-8601 duration, e.g. PT0.2S"));
        }
        if (delivery.retryAfterMax() != null) {
            errors.add(FieldError.forbidden(path + ".retryAfterMax",
                    "the delivery-retryafter feature is not enabled; remove the field"));
        }
        if (delivery.format() != null && !FORMATS.contains(delivery.format())) {
            errors.add(FieldError.notSupported(path + ".format", delivery.format(), List.of("binary", "json")));
        }
        return errors;
    }
}
