package dev.kumo.api.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.duck.KReference;
import dev.kumo.api.meta.Condition;
import dev.kumo.api.serving.Addressable;
import java.util.List;

/**
 * What a channel's reconciler observed ({@code ChannelableStatus}): conditions, the address events are POSTed to,
 * each subscriber's readiness and the resolved dead-letter sink; a Channel also names its backing {@code channel}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelableStatus(Long observedGeneration, List<Condition> conditions, Addressable address,
        List<SubscriberStatus> subscribers, String deadLetterSinkUri, KReference channel) {

    public static final ChannelableStatus EMPTY = new ChannelableStatus(null, null, null, null, null, null);

    public List<SubscriberStatus> subscribersOrEmpty() {
        return subscribers == null ? List.of() : subscribers;
    }
}
