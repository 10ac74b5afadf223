package dev.kumo.controller.subscription;

import dev.kumo.api.duck.DeliverySpec;
import dev.kumo.api.messaging.Channel;
import dev.kumo.api.messaging.ChannelSpec;
import dev.kumo.api.messaging.ChannelableStatus;
import dev.kumo.api.messaging.InMemoryChannel;
import dev.kumo.api.messaging.InMemoryChannelSpec;
import dev.kumo.api.messaging.SubscriberSpec;
import java.util.List;

/** A channel a Subscription may name, seen as Knative's Subscribable duck type: a Channel or an InMemoryChannel. */
sealed interface SubscribableChannel {

    List<SubscriberSpec> subscribers();

    DeliverySpec delivery();

    ChannelableStatus status();

    /** A Channel. */
    record OfChannel(Channel channel) implements SubscribableChannel {

        @Override
        public List<SubscriberSpec> subscribers() {
            return channel.spec() == null ? List.of() : channel.spec().subscribersOrEmpty();
        }

        @Override
        public DeliverySpec delivery() {
            return channel.spec() == null ? null : channel.spec().delivery();
        }

        @Override
        public ChannelableStatus status() {
            return channel.status() == null ? ChannelableStatus.EMPTY : channel.status();
        }

        OfChannel withSubscribers(List<SubscriberSpec> subscribers) {
            ChannelSpec spec = channel.spec();
            return new OfChannel(channel.withSpec(new ChannelSpec(spec.channelTemplate(),
                    subscribers.isEmpty() ? null : subscribers, spec.delivery())));
        }
    }

    /** An InMemoryChannel. */
    record OfInMemoryChannel(InMemoryChannel channel) implements SubscribableChannel {

        @Override
        public List<SubscriberSpec> subscribers() {
            return channel.spec() == null ? List.of() : channel.spec().subscribersOrEmpty();
        }

        @Override
        public DeliverySpec delivery() {
            return channel.spec() == null ? null : channel.spec().delivery();
        }

        @Override
        public ChannelableStatus status() {
            return channel.status() == null ? ChannelableStatus.EMPTY : channel.status();
        }

        OfInMemoryChannel withSubscribers(List<SubscriberSpec> subscribers) {
            InMemoryChannelSpec spec = channel.spec() == null ? InMemoryChannelSpec.EMPTY : channel.spec();
            return new OfInMemoryChannel(channel.withSpec(new InMemoryChannelSpec(
                    subscribers.isEmpty() ? null : subscribers, spec.delivery())));
        }
    }
}
