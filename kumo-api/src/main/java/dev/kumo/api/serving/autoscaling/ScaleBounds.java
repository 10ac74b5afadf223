package dev.kumo.api.serving.autoscaling;

import static dev.kumo.api.serving.autoscaling.SettingInvariants.invalid;

/**
 * The instance counts a Revision keeps to (Knative's scale bounds, initial scale and activation scale). Built with
 * {@link #builder()}, starting from the defaults of {@link ConfigAutoscaler}.
 *
 * @param min instances kept at least while the Revision is reachable
 * @param max instances allowed at most; 0 means unlimited
 * @param initial instances a new Revision starts with and keeps until it has reached them once
 * @param activation instances at least whenever the Revision runs at all (1 = no such floor)
 */
public record ScaleBounds(int min, int max, int initial, int activation) {

    public ScaleBounds {
        if (min < 0 || max < 0 || initial < 0 || activation < 1) {
            throw invalid("minScale/maxScale/initialScale/activationScale",
                    min + "/" + max + "/" + initial + "/" + activation,
                    "want min, max and initial >= 0 and activation >= 1");
        }
        if (max != 0 && max < min) {
            throw invalid("maxScale", max, "is below minScale " + min + "; raise it or use 0 (unlimited)");
        }
    }

    /** Knative's defaults: 0 to unlimited, starting at 1. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these bounds. */
    public Builder toBuilder() {
        return new Builder().min(min).max(max).initial(initial).activation(activation);
    }

    /** Builds {@link ScaleBounds}, one named step per component. */
    public static final class Builder {
        private int min = ConfigAutoscaler.MIN_SCALE.defaultValue();
        private int max = ConfigAutoscaler.MAX_SCALE.defaultValue();
        private int initial = ConfigAutoscaler.INITIAL_SCALE.defaultValue();
        private int activation = 1;

        private Builder() {
        }

        public Builder min(int value) {
            min = value;
            return this;
        }

        public Builder max(int value) {
            max = value;
            return this;
        }

        public Builder initial(int value) {
            initial = value;
            return this;
        }

        public Builder activation(int value) {
            activation = value;
            return this;
        }

        public ScaleBounds build() {
            return new ScaleBounds(min, max, initial, activation);
        }
    }
}
