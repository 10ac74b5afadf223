package dev.kumo.controller.flow;

import dev.kumo.api.flows.ChannelReadiness;
import dev.kumo.api.flows.ChildReference;
import dev.kumo.api.flows.SubscriptionReadiness;
import dev.kumo.api.meta.Condition;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.messaging.InMemoryChannel;
import dev.kumo.api.messaging.InMemoryChannelSpec;
import dev.kumo.api.messaging.Subscription;
import dev.kumo.api.messaging.lifecycle.InMemoryChannelConditions;
import dev.kumo.api.messaging.lifecycle.SubscriptionConditions;
import dev.kumo.api.serving.lifecycle.ConditionSet;
import dev.kumo.controller.client.Owners;
import dev.kumo.controller.engine.TerminalException;
import dev.kumo.controller.client.TypedStore;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The channels and Subscriptions a Sequence or Parallel generates: created controlled by it, brought back to what
 * it wants (a channel's subscribers are the Subscriptions' to write, so only its delivery is compared), and those it
 * no longer wants deleted.
 */
public final class FlowChildren<O extends HasMetadata> {

    /** Knative's reason for a child whose status has no Ready condition yet. */
    public static final String NO_READY = "NoReady";

    private final TypedStore<O> owners;
    private final TypedStore<InMemoryChannel> channels;
    private final TypedStore<Subscription> subscriptions;
    private final InstantSource clock;

    public FlowChildren(TypedStore<O> owners, TypedStore<InMemoryChannel> channels,
            TypedStore<Subscription> subscriptions, InstantSource clock) {
        this.owners = owners;
        this.channels = channels;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** The channel {@code desired}, as stored now. */
    public InMemoryChannel channel(O owner, InMemoryChannel desired) {
        Optional<InMemoryChannel> existing = channels.get(desired.metadata().namespace(), desired.metadata().name());
        if (existing.isEmpty()) {
            return channels.createControlledBy(desired, owners, owner);
        }
        InMemoryChannel current = controlled(existing.get(), owner);
        InMemoryChannelSpec spec = current.spec() == null ? InMemoryChannelSpec.EMPTY : current.spec();
        if (Objects.equals(spec.delivery(), desired.spec().delivery())) {
            return current;
        }
        return channels.update(current.withSpec(new InMemoryChannelSpec(spec.subscribers(),
                desired.spec().delivery())));
    }

    /** The Subscription {@code desired}, as stored now; one on another channel is replaced (its channel is immutable). */
    public Subscription subscription(O owner, Subscription desired) {
        String namespace = desired.metadata().namespace();
        Optional<Subscription> existing = subscriptions.get(namespace, desired.metadata().name());
        if (existing.isEmpty()) {
            return subscriptions.createControlledBy(desired, owners, owner);
        }
        Subscription current = controlled(existing.get(), owner);
        if (Objects.equals(current.spec(), desired.spec())) {
            return current;
        }
        if (!Objects.equals(current.spec().channel(), desired.spec().channel())) {
            subscriptions.delete(namespace, desired.metadata().name());
            throw new IllegalStateException("Subscription " + namespace + "/" + desired.metadata().name()
                    + " read another channel; deleted it to create it again");
        }
        return subscriptions.update(current.withSpec(desired.spec()));
    }

    /** Deletes the channels and Subscriptions {@code owner} controls in its namespace but no longer wants. */
    public void prune(O owner, Set<String> wantedChannels, Set<String> wantedSubscriptions) {
        String namespace = owner.metadata().namespace();
        channels.list(namespace, "").stream().filter(c -> Owners.isControlledBy(c, owner))
                .filter(c -> !wantedChannels.contains(c.metadata().name()))
                .forEach(c -> channels.delete(namespace, c.metadata().name()));
        subscriptions.list(namespace, "").stream().filter(s -> Owners.isControlledBy(s, owner))
                .filter(s -> !wantedSubscriptions.contains(s.metadata().name()))
                .forEach(s -> subscriptions.delete(namespace, s.metadata().name()));
    }

    /** A channel's entry in its owner's status. */
    public ChannelReadiness readiness(InMemoryChannel channel) {
        return new ChannelReadiness(reference(channel), ready(channel.status() == null ? null
                : channel.status().conditions(), InMemoryChannelConditions.SET));
    }

    /** A Subscription's entry in its owner's status. */
    public SubscriptionReadiness readiness(Subscription subscription) {
        return new SubscriptionReadiness(reference(subscription), ready(subscription.status() == null ? null
                : subscription.status().conditions(), SubscriptionConditions.SET));
    }

    /** Whether every entry's Ready is True. */
    public static boolean allReady(List<Condition> readies) {
        return readies.stream().allMatch(c -> ConditionSet.TRUE.equals(c.status()));
    }

    private Condition ready(List<Condition> conditions, ConditionSet set) {
        Optional<Condition> ready = ConditionSet.find(conditions, set.happy());
        return ready.orElseGet(() -> Condition.of(set.happy(), ConditionSet.UNKNOWN, NO_READY,
                "the status has no Ready condition yet"));
    }

    private static ChildReference reference(HasMetadata child) {
        return new ChildReference(child.apiVersion(), child.kind(), child.metadata().name(),
                child.metadata().namespace());
    }

    private static <T extends HasMetadata> T controlled(T child, HasMetadata owner) {
        if (!Owners.isControlledBy(child, owner)) {
            throw new TerminalException(child.kind() + " " + child.metadata().namespace() + "/"
                    + child.metadata().name() + " exists and is not controlled by " + owner.kind() + " "
                    + owner.metadata().name() + ": delete it or rename the " + owner.kind());
        }
        return child;
    }
}
