package dev.kumo.controller.parallel;

import dev.kumo.api.flows.ChannelReadiness;
import dev.kumo.api.flows.Parallel;
import dev.kumo.api.flows.ParallelBranchStatus;
import dev.kumo.api.flows.ParallelStatus;
import dev.kumo.api.flows.SubscriptionReadiness;
import dev.kumo.api.messaging.InMemoryChannel;
import dev.kumo.api.messaging.Subscription;
import dev.kumo.api.meta.Condition;
import dev.kumo.controller.channel.resources.MakeBackingChannel;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Reconciler;
import dev.kumo.controller.engine.Result;
import dev.kumo.controller.flow.FlowChildren;
import dev.kumo.controller.flow.FlowLifecycle;
import dev.kumo.controller.parallel.resources.MakeParallel;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Parallel, in order: the ingress channel, each branch's channel, filter Subscription and subscriber Subscription
 * (Knative's names, controlled by the Parallel), children of removed branches deleted, then its status — the ingress
 * channel's address as its own.
 */
public final class ParallelReconciler implements Reconciler {

    private final TypedStore<Parallel> parallels;
    private final FlowChildren<Parallel> children;
    private final InstantSource clock;

    ParallelReconciler(TypedStore<Parallel> parallels, FlowChildren<Parallel> children, InstantSource clock) {
        this.parallels = parallels;
        this.children = children;
        this.clock = clock;
    }

    @Override
    public Result reconcile(NamespacedName key) {
        Optional<Parallel> found = parallels.get(key.namespace(), key.name());
        if (found.isEmpty() || found.get().metadata().deletionTimestamp() != null) {
            return Result.done();
        }
        Parallel parallel = found.get();
        ParallelStatus current = parallel.status() == null ? ParallelStatus.EMPTY : parallel.status();
        FlowLifecycle lifecycle = new FlowLifecycle(current.conditions(), clock);
        ParallelStatus status = current;
        if (!MakeBackingChannel.served(parallel.spec().channelTemplate())) {
            lifecycle.markTemplateNotServed(MakeBackingChannel.notServed(parallel.spec().channelTemplate()));
        } else {
            status = converge(parallel, lifecycle);
        }
        long generation = parallel.metadata().generation() == null ? 0 : parallel.metadata().generation();
        ParallelStatus next = new ParallelStatus(generation, lifecycle.conditions(), status.ingressChannelStatus(),
                status.branchStatuses(), lifecycle.address());
        parallels.updateStatusIfChanged(parallel, parallel.withStatus(next), Parallel::status);
        return Result.done();
    }

    private ParallelStatus converge(Parallel parallel, FlowLifecycle lifecycle) {
        InMemoryChannel ingress = children.channel(parallel, MakeParallel.ingressChannel(parallel));
        Set<String> channelNames = new HashSet<>(Set.of(ingress.metadata().name()));
        Set<String> subscriptionNames = new HashSet<>();
        List<Condition> channelReadies = new ArrayList<>(List.of(children.readiness(ingress).ready()));
        List<Condition> subscriptionReadies = new ArrayList<>();
        List<ParallelBranchStatus> branches = new ArrayList<>();
        for (int i = 0; i < parallel.spec().branchesOrEmpty().size(); i++) {
            InMemoryChannel channel = children.channel(parallel, MakeParallel.branchChannel(parallel, i));
            Subscription filter = children.subscription(parallel, MakeParallel.filterSubscription(parallel, i));
            Subscription subscriber = children.subscription(parallel,
                    MakeParallel.subscriberSubscription(parallel, i));
            channelNames.add(channel.metadata().name());
            subscriptionNames.addAll(List.of(filter.metadata().name(), subscriber.metadata().name()));
            ParallelBranchStatus branch = new ParallelBranchStatus(children.readiness(filter),
                    children.readiness(channel), children.readiness(subscriber));
            channelReadies.add(branch.filterChannelStatus().ready());
            subscriptionReadies.addAll(List.of(branch.filterSubscriptionStatus().ready(),
                    branch.subscriberSubscriptionStatus().ready()));
            branches.add(branch);
        }
        children.prune(parallel, channelNames, subscriptionNames);
        lifecycle.markChannels(channelReadies, ingress.status() == null ? null : ingress.status().address());
        lifecycle.markSubscriptions(subscriptionReadies);
        ChannelReadiness ingressStatus = children.readiness(ingress);
        return new ParallelStatus(null, null, ingressStatus, branches, null);
    }
}
