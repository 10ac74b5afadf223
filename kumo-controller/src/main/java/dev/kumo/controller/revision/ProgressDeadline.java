package dev.kumo.controller.revision;

import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.autoscaling.GoDuration;
import java.time.Duration;
import java.time.Instant;

/**
 * Knative's progress deadline: how long a Revision's instances may take to become ready before the Revision has
 * failed. The Revision's annotation {@value #ANNOTATION} (a Go duration) wins over the server's default.
 */
record ProgressDeadline(Duration duration) {

    static final String ANNOTATION = "serving.knative.dev/progress-deadline";

    ProgressDeadline {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("progress deadline must be positive, got " + duration);
        }
    }

    /** The Revision's own deadline if it declares a positive one, else {@code fallback}. */
    static ProgressDeadline of(Revision revision, Duration fallback) {
        return new ProgressDeadline(GoDuration.parse(revision.metadata().annotationsOrEmpty().get(ANNOTATION))
                .filter(d -> !d.isNegative() && !d.isZero()).orElse(fallback));
    }

    /** Whether instances starting since {@code since} and still not ready at {@code now} have run out of time. */
    boolean exceeded(Instant since, Instant now) {
        return !now.isBefore(since.plus(duration));
    }

    /** How long instances starting since {@code since} still have at {@code now} (zero once exceeded). */
    Duration remaining(Instant since, Instant now) {
        Duration left = Duration.between(now, since.plus(duration));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The deadline as Go prints a duration ({@code 2m0s}, {@code 30s}, {@code 1h0m0s}), as users write it. */
    String text() {
        return GoDuration.text(duration);
    }
}
