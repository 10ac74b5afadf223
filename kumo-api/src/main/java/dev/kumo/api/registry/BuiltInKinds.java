package dev.kumo.api.registry;

import dev.kumo.api.apps.AppsKinds;
import dev.kumo.api.core.CoreServiceKind;
import dev.kumo.api.apiextensions.ApiExtensionsKinds;
import dev.kumo.api.core.CoreKinds;
import dev.kumo.api.eventing.EventingKinds;
import dev.kumo.api.events.EventKinds;
import dev.kumo.api.flows.kinds.FlowsKinds;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.Kinds;
import dev.kumo.api.messaging.ChannelDefaults;
import dev.kumo.api.messaging.ChannelTemplate;
import dev.kumo.api.messaging.kinds.MessagingKinds;
import dev.kumo.api.placeholder.PlaceholderKinds;
import dev.kumo.api.rbac.RbacKinds;
import dev.kumo.api.serving.ServingConfig;
import dev.kumo.api.serving.ServingKinds;
import dev.kumo.api.shipwright.kinds.ShipwrightKinds;
import dev.kumo.api.sources.SourcesKinds;
import java.util.ArrayList;
import java.util.List;

/**
 * Every kind Kumo serves, registered here and nowhere else: the API server serves these (discovery, Tables,
 * admission), controllers' writes are admitted by them, and the CLI names kinds from them when offline.
 */
public final class BuiltInKinds {

    private BuiltInKinds() {
    }

    /** The kinds with Knative's defaults. */
    public static Kinds all() {
        return all(ServingConfig.KNATIVE);
    }

    /** The kinds, the Serving ones admitted against {@code serving}'s defaults and limits. */
    public static Kinds all(ServingConfig serving) {
        return all(serving, ChannelTemplate.IN_MEMORY_CHANNEL);
    }

    /** The kinds, Channels, Sequences and Parallels without a template getting {@code defaultChannel}. */
    public static Kinds all(ServingConfig serving, ChannelTemplate defaultChannel) {
        return all(serving, ChannelDefaults.of(defaultChannel));
    }

    /** The kinds, Channels, Sequences and Parallels without a template getting their namespace's default. */
    public static Kinds all(ServingConfig serving, ChannelDefaults defaultChannel) {
        List<KindDefinition> definitions = new ArrayList<>(CoreKinds.all());
        definitions.addAll(EventKinds.all());
        definitions.addAll(ServingKinds.all(serving));
        definitions.addAll(EventingKinds.all());
        definitions.addAll(SourcesKinds.all());
        definitions.addAll(MessagingKinds.all(defaultChannel));
        definitions.addAll(FlowsKinds.all(defaultChannel));
        definitions.addAll(RbacKinds.all());
        definitions.addAll(ApiExtensionsKinds.all());
        definitions.addAll(ShipwrightKinds.all());
        definitions.addAll(AppsKinds.all());
        // After Serving's: a bare "service" names the Knative Service for Kumo's CLI, as before (kubectl prefers core).
        definitions.add(CoreServiceKind.definition());
        // Last, so that a kind registered above replaces its placeholder and names resolve to Kumo's kinds first.
        definitions.addAll(PlaceholderKinds.missingFrom(definitions));
        return new Kinds(definitions);
    }
}
