package dev.kumo.controller.channel.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.messaging.ChannelTemplate;
import dev.kumo.api.messaging.InMemoryChannel;
import dev.kumo.api.messaging.InMemoryChannelSpec;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.controller.client.Owners;
import java.util.List;

/** The InMemoryChannel a template describes, controlled by its owner (a Channel, Sequence or Parallel). */
public final class MakeBackingChannel {

    private MakeBackingChannel() {
    }

    /** Whether Kumo serves channels of {@code template}'s kind: InMemoryChannel of messaging.knative.dev/v1. */
    public static boolean served(ChannelTemplate template) {
        return template != null && ResourceTypes.IN_MEMORY_CHANNEL.kind().equals(template.kind())
                && ResourceTypes.IN_MEMORY_CHANNEL.apiVersion().equals(template.apiVersion());
    }

    /** Why {@code template} is not served, for the owner's condition. */
    public static String notServed(ChannelTemplate template) {
        return "channelTemplate " + (template == null ? "is missing" : "names " + template.kind() + " ("
                + template.apiVersion() + ")") + ": Kumo serves InMemoryChannel (messaging.knative.dev/v1) channels, "
                + "durable in its event log";
    }

    /** The channel {@code name} in {@code owner}'s namespace with the template's spec, owned by {@code owner}. */
    public static InMemoryChannel make(HasMetadata owner, String name, ChannelTemplate template) {
        ObjectMeta metadata = ObjectMeta.builder().namespace(owner.metadata().namespace()).name(name)
                .ownerReferences(List.of(Owners.controllerRef(owner))).build();
        return InMemoryChannel.of(metadata, spec(template.spec()));
    }

    /** The template's raw spec read as an InMemoryChannel's. */
    public static InMemoryChannelSpec spec(JsonNode raw) {
        if (raw == null || raw.isNull() || raw.isEmpty()) {
            return InMemoryChannelSpec.EMPTY;
        }
        return Json.mapper().convertValue(raw, InMemoryChannelSpec.class);
    }
}
