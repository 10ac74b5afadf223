package dev.kumo.controller.sequence;

import dev.kumo.api.flows.ChannelReadiness;
import dev.kumo.api.flows.Sequence;
import dev.kumo.api.flows.SequenceStatus;
import dev.kumo.api.flows.SubscriptionReadiness;
import dev.kumo.api.messaging.InMemoryChannel;
import dev.kumo.api.messaging.Subscription;
import dev.kumo.controller.channel.resources.MakeBackingChannel;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Reconciler;
import dev.kumo.controller.engine.Result;
import dev.kumo.controller.flow.FlowChildren;
import dev.kumo.controller.flow.FlowLifecycle;
import dev.kumo.controller.sequence.resources.MakeSequence;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Sequence, in order: its channels, its Subscriptions (Knative's names, controlled by the Sequence), children of
 * removed steps deleted, then its status — each child's readiness and the first channel's address as its own.
 */
public final class SequenceReconciler implements Reconciler {

    private final TypedStore<Sequence> sequences;
    private final FlowChildren<Sequence> children;
    private final InstantSource clock;

    SequenceReconciler(TypedStore<Sequence> sequences, FlowChildren<Sequence> children, InstantSource clock) {
        this.sequences = sequences;
        this.children = children;
        this.clock = clock;
    }

    @Override
    public Result reconcile(NamespacedName key) {
        Optional<Sequence> found = sequences.get(key.namespace(), key.name());
        if (found.isEmpty() || found.get().metadata().deletionTimestamp() != null) {
            return Result.done();
        }
        Sequence sequence = found.get();
        SequenceStatus current = sequence.status() == null ? SequenceStatus.EMPTY : sequence.status();
        FlowLifecycle lifecycle = new FlowLifecycle(current.conditions(), clock);
        SequenceStatus status = current;
        if (!MakeBackingChannel.served(sequence.spec().channelTemplate())) {
            lifecycle.markTemplateNotServed(MakeBackingChannel.notServed(sequence.spec().channelTemplate()));
        } else {
            status = converge(sequence, lifecycle);
        }
        long generation = sequence.metadata().generation() == null ? 0 : sequence.metadata().generation();
        SequenceStatus next = new SequenceStatus(generation, lifecycle.conditions(), status.subscriptionStatuses(),
                status.channelStatuses(), lifecycle.address());
        sequences.updateStatusIfChanged(sequence, sequence.withStatus(next), Sequence::status);
        return Result.done();
    }

    private SequenceStatus converge(Sequence sequence, FlowLifecycle lifecycle) {
        int steps = sequence.spec().stepsOrEmpty().size();
        List<ChannelReadiness> channelStatuses = new ArrayList<>();
        List<SubscriptionReadiness> subscriptionStatuses = new ArrayList<>();
        Set<String> channelNames = new HashSet<>();
        Set<String> subscriptionNames = new HashSet<>();
        InMemoryChannel first = null;
        for (int i = 0; i < steps; i++) {
            InMemoryChannel channel = children.channel(sequence, MakeSequence.channel(sequence, i));
            first = i == 0 ? channel : first;
            channelNames.add(channel.metadata().name());
            channelStatuses.add(children.readiness(channel));
        }
        for (int i = 0; i < steps; i++) {
            Subscription subscription = children.subscription(sequence, MakeSequence.subscription(sequence, i));
            subscriptionNames.add(subscription.metadata().name());
            subscriptionStatuses.add(children.readiness(subscription));
        }
        children.prune(sequence, channelNames, subscriptionNames);
        lifecycle.markChannels(channelStatuses.stream().map(ChannelReadiness::ready).toList(),
                first == null || first.status() == null ? null : first.status().address());
        lifecycle.markSubscriptions(subscriptionStatuses.stream().map(SubscriptionReadiness::ready).toList());
        return new SequenceStatus(null, null, subscriptionStatuses, channelStatuses, null);
    }
}
