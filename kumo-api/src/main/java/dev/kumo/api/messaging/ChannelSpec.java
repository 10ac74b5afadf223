package dev.kumo.api.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.duck.DeliverySpec;
import java.util.List;

/**
 * A Channel's desired state: the template of its backing channel (immutable, defaulted from the server's
 * {@code default-ch-webhook} setting) and the Channelable part — subscribers and the default delivery.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelSpec(ChannelTemplate channelTemplate, List<SubscriberSpec> subscribers, DeliverySpec delivery) {

    public List<SubscriberSpec> subscribersOrEmpty() {
        return subscribers == null ? List.of() : subscribers;
    }
}
