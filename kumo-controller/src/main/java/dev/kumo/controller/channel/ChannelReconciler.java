package dev.kumo.controller.channel;

import dev.kumo.api.messaging.Channel;
import dev.kumo.api.messaging.ChannelSpec;
import dev.kumo.api.messaging.InMemoryChannel;
import dev.kumo.api.messaging.InMemoryChannelSpec;
import dev.kumo.controller.channel.resources.MakeBackingChannel;
import dev.kumo.controller.client.Owners;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Reconciler;
import dev.kumo.controller.engine.Result;
import dev.kumo.controller.engine.TerminalException;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * A Channel: creates its backing channel of the template's kind (same name, controlled by the Channel), keeps the
 * Channel's subscribers and delivery on it, and shows the backing channel's address, subscribers and readiness.
 */
public final class ChannelReconciler implements Reconciler {

    private final TypedStore<Channel> channels;
    private final TypedStore<InMemoryChannel> backing;
    private final InstantSource clock;

    ChannelReconciler(TypedStore<Channel> channels, TypedStore<InMemoryChannel> backing, InstantSource clock) {
        this.channels = channels;
        this.backing = backing;
        this.clock = clock;
    }

    @Override
    public Result reconcile(NamespacedName key) {
        Optional<Channel> found = channels.get(key.namespace(), key.name());
        if (found.isEmpty() || found.get().metadata().deletionTimestamp() != null) {
            return Result.done();
        }
        Channel channel = found.get();
        ChannelLifecycle status = new ChannelLifecycle(channel.status(), clock);
        if (!MakeBackingChannel.served(channel.spec().channelTemplate())) {
            status.markTemplateNotServed(MakeBackingChannel.notServed(channel.spec().channelTemplate()));
        } else {
            status.propagate(backingChannel(channel));
        }
        long generation = channel.metadata().generation() == null ? 0 : channel.metadata().generation();
        channels.updateStatusIfChanged(channel, channel.withStatus(status.toStatus(generation)), Channel::status);
        return Result.done();
    }

    /** The backing channel, created or brought in step with the Channel's subscribers and delivery. */
    private InMemoryChannel backingChannel(Channel channel) {
        String namespace = channel.metadata().namespace();
        String name = channel.metadata().name();
        InMemoryChannel desired = MakeBackingChannel.make(channel, name, channel.spec().channelTemplate());
        InMemoryChannelSpec spec = wanted(desired.spec(), channel.spec());
        Optional<InMemoryChannel> existing = backing.get(namespace, name);
        if (existing.isEmpty()) {
            return backing.createControlledBy(desired.withSpec(spec), channels, channel);
        }
        if (!Owners.isControlledBy(existing.get(), channel)) {
            throw new TerminalException("InMemoryChannel " + namespace + "/" + name + " exists and is not controlled "
                    + "by Channel " + name + ": delete it or choose another name");
        }
        if (Objects.equals(existing.get().spec(), spec)) {
            return existing.get();
        }
        return backing.update(existing.get().withSpec(spec));
    }

    /** The template's spec with the Channel's subscribers, and its delivery when the Channel sets one. */
    private static InMemoryChannelSpec wanted(InMemoryChannelSpec template, ChannelSpec channel) {
        return new InMemoryChannelSpec(channel.subscribers(),
                channel.delivery() != null ? channel.delivery() : template.delivery());
    }
}
