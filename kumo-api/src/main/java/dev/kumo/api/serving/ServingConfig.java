package dev.kumo.api.serving;

import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import dev.kumo.api.serving.defaults.ServingDefaults;

/** The cluster-wide settings serving admission depends on: config-defaults and config-autoscaler. */
public record ServingConfig(ServingDefaults defaults, AutoscalerConfig autoscaler) {

    /** Knative's own settings. */
    public static final ServingConfig KNATIVE = new ServingConfig(ServingDefaults.KNATIVE, AutoscalerConfig.KNATIVE);
}
