package dev.kumo.api.serving.autoscaling;

import static dev.kumo.api.serving.autoscaling.SettingInvariants.invalid;

import java.time.Duration;

/**
 * When a Revision's last instance may go (Knative's scale-to-zero settings). Built with {@link #builder()},
 * starting from the defaults of {@link ConfigAutoscaler}.
 *
 * @param enabled whether the cluster lets Revisions scale to zero
 * @param gracePeriod how long the activator must have been in the path before the last instance goes
 * @param podRetention how long the last instance stays at least after the Revision went idle
 */
public record ScaleToZero(boolean enabled, Duration gracePeriod, Duration podRetention) {

    public ScaleToZero {
        if (gracePeriod.isNegative() || gracePeriod.isZero()) {
            throw invalid("scaleToZeroGracePeriod", gracePeriod, "want a positive duration");
        }
        if (podRetention.isNegative()) {
            throw invalid("scaleToZeroPodRetention", podRetention, "want 0 or more");
        }
    }

    /** Knative's defaults: enabled, a 30 s grace period, no retention. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder().enabled(enabled).gracePeriod(gracePeriod).podRetention(podRetention);
    }

    /** Builds {@link ScaleToZero}, one named step per component. */
    public static final class Builder {
        private boolean enabled = ConfigAutoscaler.ENABLE_SCALE_TO_ZERO.defaultValue();
        private Duration gracePeriod = ConfigAutoscaler.SCALE_TO_ZERO_GRACE_PERIOD.defaultValue();
        private Duration podRetention = ConfigAutoscaler.SCALE_TO_ZERO_POD_RETENTION_PERIOD.defaultValue();

        private Builder() {
        }

        public Builder enabled(boolean value) {
            enabled = value;
            return this;
        }

        public Builder gracePeriod(Duration value) {
            gracePeriod = value;
            return this;
        }

        public Builder podRetention(Duration value) {
            podRetention = value;
            return this;
        }

        public ScaleToZero build() {
            return new ScaleToZero(enabled, gracePeriod, podRetention);
        }
    }
}
