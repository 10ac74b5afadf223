package dev.kumo.api.serving;

import dev.kumo.api.serving.autoscaling.AutoscalerDefaults;
import dev.kumo.api.serving.defaults.ServingDefaults;

/** The cluster-wide settings serving admission depends on: config-defaults and config-autoscaler. */
public record ServingConfig(ServingDefaults defaults, AutoscalerDefaults autoscaler) {

    /** Knative's own settings. */
    public static final ServingConfig KNATIVE = new ServingConfig(ServingDefaults.KNATIVE, AutoscalerDefaults.KNATIVE);
}
