package dev.kumo.controller.channel;

import dev.kumo.api.duck.DeliverySpec;
import dev.kumo.api.eventing.DeliveryOrder;
import dev.kumo.api.messaging.InMemoryChannel;
import dev.kumo.api.messaging.InMemoryChannelSpec;
import dev.kumo.api.messaging.SubscriberSpec;
import dev.kumo.api.messaging.SubscriberStatus;
import dev.kumo.api.messaging.Subscription;
import dev.kumo.api.serving.lifecycle.ConditionSet;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.duck.Delivery;
import dev.kumo.controller.duck.DestinationResolver;
import dev.kumo.controller.duck.Resolution;
import dev.kumo.controller.duck.Tracker;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Reconciler;
import dev.kumo.controller.engine.Result;
import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Serves an InMemoryChannel in the event mesh: resolves its dead-letter sink, hands the mesh its
 * {@code spec.subscribers} (written there by the Subscription reconciler), and publishes the ingress URL as its address
 * and each subscriber as ready in {@code status.subscribers}, each in the delivery order its Subscription's
 * annotation asks for (found by uid). A deleted channel is removed from the mesh.
 */
public final class InMemoryChannelReconciler implements Reconciler {

    private final TypedStore<InMemoryChannel> channels;
    private final TypedStore<Subscription> subscriptions;
    private final DestinationResolver resolver;
    private final Tracker tracker;
    private final ChannelDataPlane dataPlane;
    private final InstantSource clock;

    InMemoryChannelReconciler(TypedStore<InMemoryChannel> channels, TypedStore<Subscription> subscriptions,
            DestinationResolver resolver, Tracker tracker, ChannelDataPlane dataPlane, InstantSource clock) {
        this.channels = channels;
        this.subscriptions = subscriptions;
        this.resolver = resolver;
        this.tracker = tracker;
        this.dataPlane = dataPlane;
        this.clock = clock;
    }

    @Override
    public Result reconcile(NamespacedName key) {
        Optional<InMemoryChannel> found = channels.get(key.namespace(), key.name());
        if (found.isEmpty() || found.get().metadata().deletionTimestamp() != null) {
            tracker.forget(key);
            dataPlane.remove(key);
            return Result.done();
        }
        InMemoryChannel channel = found.get();
        InMemoryChannelSpec spec = channel.spec() == null ? InMemoryChannelSpec.EMPTY : channel.spec();
        InMemoryChannelLifecycle status = new InMemoryChannelLifecycle(channel.status(), clock);
        if (resolveDeadLetterSink(key, spec.delivery(), status)) {
            serve(key, spec, status);
        }
        long generation = channel.metadata().generation() == null ? 0 : channel.metadata().generation();
        channels.updateStatusIfChanged(channel, channel.withStatus(status.toStatus(generation)),
                InMemoryChannel::status);
        return Result.done();
    }

    /** Resolves the channel's own dead-letter sink (Subscriptions without delivery use it); false when it cannot. */
    private boolean resolveDeadLetterSink(NamespacedName key, DeliverySpec delivery,
            InMemoryChannelLifecycle status) {
        tracker.track(key, DestinationResolver.reference(delivery == null ? null : delivery.deadLetterSink(),
                key.namespace()).stream().toList());
        if (delivery == null || delivery.deadLetterSink() == null) {
            status.markDeadLetterSinkNotConfigured();
            return true;
        }
        return switch (resolver.resolve(delivery.deadLetterSink(), key.namespace())) {
            case Resolution.Unresolved unresolved -> {
                status.markDeadLetterSinkNotResolved(unresolved.message());
                yield false;
            }
            case Resolution.Resolved resolved -> {
                status.markDeadLetterSinkResolved(resolved.uri());
                yield true;
            }
        };
    }

    private void serve(NamespacedName key, InMemoryChannelSpec spec, InMemoryChannelLifecycle status) {
        List<SubscriberRoute> routes = new ArrayList<>();
        List<SubscriberStatus> served = new ArrayList<>();
        Map<String, DeliveryOrder> orders = orders(key.namespace());
        for (SubscriberSpec subscriber : spec.subscribersOrEmpty()) {
            Optional<SubscriberRoute> route = route(subscriber,
                    orders.getOrDefault(subscriber.uid(), DeliveryOrder.UNORDERED));
            route.ifPresent(routes::add);
            served.add(new SubscriberStatus(subscriber.uid(), subscriber.generation(),
                    route.isPresent() ? ConditionSet.TRUE : ConditionSet.FALSE,
                    route.isPresent() ? null : "subscriberUri, replyUri or the dead-letter sink is not an absolute "
                            + "URI"));
        }
        status.markServed(dataPlane.upsert(key, routes), served);
    }

    /** The delivery order of each Subscription of {@code namespace}, by uid. */
    private Map<String, DeliveryOrder> orders(String namespace) {
        return subscriptions.list(namespace, "").stream().filter(s -> s.metadata().uid() != null)
                .collect(Collectors.toMap(s -> s.metadata().uid(), s -> DeliveryOrder.of(s.metadata()),
                        (a, b) -> a));
    }

    /** The data plane's view of one entry; empty when its URIs are missing or not absolute. */
    static Optional<SubscriberRoute> route(SubscriberSpec subscriber, DeliveryOrder order) {
        if (subscriber.uid() == null || subscriber.uid().isEmpty()) {
            return Optional.empty();
        }
        Optional<URI> to = uri(subscriber.subscriberUri());
        Optional<URI> reply = uri(subscriber.replyUri());
        DeliverySpec delivery = subscriber.delivery();
        Optional<URI> deadLetterSink = delivery == null || delivery.deadLetterSink() == null ? Optional.empty()
                : uri(delivery.deadLetterSink().uri());
        boolean broken = (subscriber.subscriberUri() != null && to.isEmpty())
                || (subscriber.replyUri() != null && reply.isEmpty())
                || (delivery != null && delivery.deadLetterSink() != null && deadLetterSink.isEmpty())
                || (to.isEmpty() && reply.isEmpty());
        if (broken) {
            return Optional.empty();
        }
        return Optional.of(new SubscriberRoute(subscriber.uid(), to, reply,
                new Delivery(Optional.ofNullable(delivery), deadLetterSink), order));
    }

    private static Optional<URI> uri(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
