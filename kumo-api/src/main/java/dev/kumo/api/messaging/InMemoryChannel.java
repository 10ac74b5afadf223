package dev.kumo.api.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;

/**
 * A Knative InMemoryChannel, served by Kumo's durable event log: the name is Knative's, the behaviour the broker's
 * (an event is stored before the 202).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InMemoryChannel(String apiVersion, String kind, ObjectMeta metadata, InMemoryChannelSpec spec,
        ChannelableStatus status) implements HasMetadata {

    public static InMemoryChannel of(ObjectMeta metadata, InMemoryChannelSpec spec) {
        return new InMemoryChannel(ResourceTypes.IN_MEMORY_CHANNEL.apiVersion(),
                ResourceTypes.IN_MEMORY_CHANNEL.kind(), metadata, spec, null);
    }

    public InMemoryChannel withMetadata(ObjectMeta value) {
        return new InMemoryChannel(apiVersion, kind, value, spec, status);
    }

    public InMemoryChannel withSpec(InMemoryChannelSpec value) {
        return new InMemoryChannel(apiVersion, kind, metadata, value, status);
    }

    public InMemoryChannel withStatus(ChannelableStatus value) {
        return new InMemoryChannel(apiVersion, kind, metadata, spec, value);
    }
}
