package dev.kumo.server;

import dev.kumo.api.kinds.Kinds;
import dev.kumo.api.messaging.ChannelDefaults;
import dev.kumo.api.registry.BuiltInKinds;
import dev.kumo.api.serving.ServingConfig;
import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import dev.kumo.api.serving.defaults.ServingDefaults;

/** Every kind this build of Kumo serves ({@link BuiltInKinds}), admitted against the server's settings. */
final class KumoKinds {

    private KumoKinds() {
    }

    /**
     * The kinds, the Serving ones admitted against the server's autoscaler settings (initial-scale 0, bounds), the
     * channel kinds and flows defaulted to {@code defaultChannel}.
     */
    static Kinds all(AutoscalerConfig autoscaler, ChannelDefaults defaultChannel) {
        return BuiltInKinds.all(new ServingConfig(ServingDefaults.KNATIVE, autoscaler), defaultChannel);
    }
}
