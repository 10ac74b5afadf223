package dev.kumo.api.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;

/** A Knative Channel: a channel of the kind its template names, created and kept in step behind it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Channel(String apiVersion, String kind, ObjectMeta metadata, ChannelSpec spec, ChannelableStatus status)
        implements HasMetadata {

    /** The annotation Knative's defaulting adds: the version of the subscribable duck type spoken. */
    public static final String SUBSCRIBABLE_ANNOTATION = "messaging.knative.dev/subscribable";

    public static Channel of(ObjectMeta metadata, ChannelSpec spec) {
        return new Channel(ResourceTypes.CHANNEL.apiVersion(), ResourceTypes.CHANNEL.kind(), metadata, spec, null);
    }

    public Channel withMetadata(ObjectMeta value) {
        return new Channel(apiVersion, kind, value, spec, status);
    }

    public Channel withSpec(ChannelSpec value) {
        return new Channel(apiVersion, kind, metadata, value, status);
    }

    public Channel withStatus(ChannelableStatus value) {
        return new Channel(apiVersion, kind, metadata, spec, value);
    }
}
