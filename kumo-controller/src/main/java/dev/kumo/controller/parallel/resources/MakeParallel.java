package dev.kumo.controller.parallel.resources;

import dev.kumo.api.duck.DeliverySpec;
import dev.kumo.api.duck.Destination;
import dev.kumo.api.duck.KReference;
import dev.kumo.api.flows.Parallel;
import dev.kumo.api.flows.ParallelBranch;
import dev.kumo.api.flows.ParallelSpec;
import dev.kumo.api.messaging.InMemoryChannel;
import dev.kumo.api.messaging.Subscription;
import dev.kumo.api.messaging.SubscriptionSpec;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.controller.channel.resources.MakeBackingChannel;
import dev.kumo.controller.client.Owners;
import java.util.List;

/**
 * A Parallel's children as Knative's {@code reconciler/parallel/resources} builds them. The filter Subscription of
 * branch i reads the ingress channel: with a filter it delivers to the filter and its reply (the filter passing the
 * event) goes to the branch channel; without one it delivers to the branch channel. The subscriber Subscription
 * reads the branch channel, delivers to the branch subscriber with the branch's delivery and replies to the branch's
 * reply, else the Parallel's.
 */
public final class MakeParallel {

    private MakeParallel() {
    }

    public static InMemoryChannel ingressChannel(Parallel parallel) {
        return MakeBackingChannel.make(parallel, ParallelNames.ingressChannel(parallel.metadata().name()),
                parallel.spec().channelTemplate());
    }

    public static InMemoryChannel branchChannel(Parallel parallel, int branch) {
        return MakeBackingChannel.make(parallel, ParallelNames.branchChannel(parallel.metadata().name(), branch),
                parallel.spec().channelTemplate());
    }

    public static Subscription filterSubscription(Parallel parallel, int branch) {
        ParallelSpec spec = parallel.spec();
        String name = parallel.metadata().name();
        ParallelBranch current = spec.branches().get(branch);
        Destination branchChannel = Destination.of(channelRef(spec, ParallelNames.branchChannel(name, branch),
                parallel.metadata().namespace()));
        SubscriptionSpec subscription = current.filter() != null
                ? new SubscriptionSpec(channelRef(spec, ParallelNames.ingressChannel(name), null), current.filter(),
                        branchChannel, null)
                : new SubscriptionSpec(channelRef(spec, ParallelNames.ingressChannel(name), null), branchChannel,
                        null, null);
        return Subscription.of(metadata(parallel, ParallelNames.filterSubscription(name, branch)), subscription);
    }

    public static Subscription subscriberSubscription(Parallel parallel, int branch) {
        ParallelSpec spec = parallel.spec();
        String name = parallel.metadata().name();
        ParallelBranch current = spec.branches().get(branch);
        Destination reply = current.reply() != null ? current.reply() : spec.reply();
        DeliverySpec delivery = current.delivery();
        return Subscription.of(metadata(parallel, ParallelNames.subscriberSubscription(name, branch)),
                new SubscriptionSpec(channelRef(spec, ParallelNames.branchChannel(name, branch), null),
                        current.subscriber(), reply, delivery));
    }

    private static ObjectMeta metadata(Parallel parallel, String name) {
        return ObjectMeta.builder().namespace(parallel.metadata().namespace()).name(name)
                .ownerReferences(List.of(Owners.controllerRef(parallel))).build();
    }

    private static KReference channelRef(ParallelSpec spec, String name, String namespace) {
        return new KReference(spec.channelTemplate().kind(), namespace, name, spec.channelTemplate().apiVersion(),
                null, null);
    }
}
