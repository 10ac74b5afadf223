package dev.kumo.server;

import dev.kumo.api.core.CoreKinds;
import dev.kumo.api.eventing.EventingKinds;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.Kinds;
import dev.kumo.api.serving.ServingConfig;
import dev.kumo.api.serving.ServingKinds;
import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import dev.kumo.api.serving.defaults.ServingDefaults;
import dev.kumo.api.sources.SourcesKinds;
import java.util.ArrayList;
import java.util.List;

/** Every kind this build of Kumo serves. */
final class KumoKinds {

    private KumoKinds() {
    }

    /** The kinds with Knative's defaults. */
    static Kinds all() {
        return all(AutoscalerConfig.KNATIVE);
    }

    /** The kinds, the Serving ones admitted against the server's autoscaler settings (initial-scale 0, bounds). */
    static Kinds all(AutoscalerConfig autoscaler) {
        List<KindDefinition> definitions = new ArrayList<>(CoreKinds.all());
        definitions.addAll(ServingKinds.all(new ServingConfig(ServingDefaults.KNATIVE, autoscaler)));
        definitions.addAll(EventingKinds.all());
        definitions.addAll(SourcesKinds.all());
        return new Kinds(definitions);
    }
}
