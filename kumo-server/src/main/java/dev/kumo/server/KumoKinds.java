package dev.kumo.server;

import dev.kumo.api.core.CoreKinds;
import dev.kumo.api.eventing.EventingKinds;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.Kinds;
import dev.kumo.api.serving.ServingKinds;
import dev.kumo.api.sources.SourcesKinds;
import java.util.ArrayList;
import java.util.List;

/** Every kind this build of Kumo serves. */
final class KumoKinds {

    private KumoKinds() {
    }

    static Kinds all() {
        List<KindDefinition> definitions = new ArrayList<>(CoreKinds.all());
        definitions.addAll(ServingKinds.all());
        definitions.addAll(EventingKinds.all());
        definitions.addAll(SourcesKinds.all());
        return new Kinds(definitions);
    }
}
