package dev.kumo.api.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.duck.DeliverySpec;
import java.util.List;

/** An InMemoryChannel's desired state ({@code ChannelableSpec}): its subscribers and their default delivery. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InMemoryChannelSpec(List<SubscriberSpec> subscribers, DeliverySpec delivery) {

    public static final InMemoryChannelSpec EMPTY = new InMemoryChannelSpec(null, null);

    public List<SubscriberSpec> subscribersOrEmpty() {
        return subscribers == null ? List.of() : subscribers;
    }
}
