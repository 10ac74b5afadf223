package dev.kumo.server.serving.scaling;

import dev.kumo.api.serving.autoscaling.RevisionAutoscaling;
import dev.kumo.autoscaler.ScalingMetric;
import dev.kumo.autoscaler.ScalingSettings;

/** Maps a Revision's resolved autoscaling (kumo-api) onto the decider's settings (kumo-dataplane), one for one. */
final class SettingsMapping {

    private SettingsMapping() {
    }

    static ScalingSettings of(RevisionAutoscaling a, boolean reachable) {
        return new ScalingSettings(ScalingMetric.of(a.metric()), a.totalValue(), a.targetUtilization(),
                a.targetBurstCapacity(), a.stableWindow(), a.panicWindowPercentage(), a.panicThresholdPercentage(),
                a.scaleDownDelay(), a.maxScaleUpRate(), a.maxScaleDownRate(), a.minScale(), a.maxScale(),
                a.initialScale(), a.activationScale(), a.enableScaleToZero(), a.scaleToZeroGracePeriod(),
                a.scaleToZeroPodRetention(), reachable);
    }
}
