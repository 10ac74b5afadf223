package dev.kumo.controller.subscription;

import dev.kumo.api.duck.DeliverySpec;
import dev.kumo.api.duck.Destination;
import dev.kumo.api.messaging.PhysicalSubscription;
import dev.kumo.api.messaging.SubscriberSpec;
import dev.kumo.api.messaging.SubscriberStatus;
import dev.kumo.api.messaging.Subscription;
import dev.kumo.api.messaging.SubscriptionSpec;
import dev.kumo.api.serving.lifecycle.ConditionSet;
import dev.kumo.controller.client.MetadataEdits;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.duck.DestinationResolver;
import dev.kumo.controller.duck.ObjectRef;
import dev.kumo.controller.duck.Resolution;
import dev.kumo.controller.duck.Tracker;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Reconciler;
import dev.kumo.controller.engine.Result;
import dev.kumo.controller.subscription.resources.ChannelSubscribers;
import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A Subscription, in order: hold its deletion with a finalizer; find its channel; resolve subscriber, reply and
 * dead-letter sink (its own, else the channel's); write its entry into the channel's {@code spec.subscribers}
 * (delivery: its own, else the channel's); read the channel's verdict from {@code status.subscribers}. On deletion the
 * entry is taken out before the finalizer goes.
 */
public final class SubscriptionReconciler implements Reconciler {

    static final String FINALIZER = "subscriptions.messaging.knative.dev";

    private final TypedStore<Subscription> subscriptions;
    private final SubscribableChannels channels;
    private final DestinationResolver resolver;
    private final Tracker tracker;
    private final InstantSource clock;

    SubscriptionReconciler(TypedStore<Subscription> subscriptions, SubscribableChannels channels,
            DestinationResolver resolver, Tracker tracker, InstantSource clock) {
        this.subscriptions = subscriptions;
        this.channels = channels;
        this.resolver = resolver;
        this.tracker = tracker;
        this.clock = clock;
    }

    @Override
    public Result reconcile(NamespacedName key) {
        Optional<Subscription> found = subscriptions.get(key.namespace(), key.name());
        if (found.isEmpty()) {
            tracker.forget(key);
            return Result.done();
        }
        Subscription subscription = found.get();
        List<String> finalizers = subscription.metadata().finalizers() == null ? List.of()
                : subscription.metadata().finalizers();
        if (subscription.metadata().deletionTimestamp() != null) {
            if (finalizers.contains(FINALIZER)) {
                finalize(key, subscription, finalizers);
            }
            return Result.done();
        }
        Subscription held = finalizers.contains(FINALIZER) ? subscription : holdDeletion(subscription, finalizers);
        SubscriptionLifecycle status = new SubscriptionLifecycle(held.status(), clock);
        subscribe(key, held, status);
        long generation = held.metadata().generation() == null ? 0 : held.metadata().generation();
        subscriptions.updateStatusIfChanged(held, held.withStatus(status.toStatus(generation)),
                Subscription::status);
        return Result.done();
    }

    private void subscribe(NamespacedName key, Subscription subscription, SubscriptionLifecycle status) {
        SubscriptionSpec spec = subscription.spec();
        DeliverySpec delivery = spec.delivery();
        tracker.track(key, Stream.of(Optional.of(ObjectRef.of(spec.channel(), key.namespace())),
                DestinationResolver.reference(spec.subscriber(), key.namespace()),
                DestinationResolver.reference(spec.reply(), key.namespace()),
                DestinationResolver.reference(delivery == null ? null : delivery.deadLetterSink(), key.namespace()))
                .flatMap(Optional::stream).toList());
        if (!SubscribableChannels.served(ObjectRef.of(spec.channel(), key.namespace()))) {
            status.markReferencesNotResolved(SubscriptionLifecycle.CHANNEL_NOT_SERVED, "spec.channel names "
                    + spec.channel().kind() + " (" + spec.channel().apiVersion() + "): Kumo serves Channel and "
                    + "InMemoryChannel (messaging.knative.dev/v1)");
            return;
        }
        Optional<SubscribableChannel> channel = channels.get(spec.channel(), key.namespace());
        if (channel.isEmpty()) {
            status.markReferencesNotResolved(SubscriptionLifecycle.CHANNEL_NOT_FOUND, spec.channel().kind() + " \""
                    + spec.channel().name() + "\" not found in namespace " + key.namespace());
            return;
        }
        Optional<SubscriberSpec> entry = resolve(key, subscription, channel.get(), status);
        if (entry.isEmpty()) {
            return;
        }
        List<SubscriberSpec> current = channel.get().subscribers();
        List<SubscriberSpec> wanted = ChannelSubscribers.with(current, entry.get());
        if (!Objects.equals(current, wanted)) {
            channels.setSubscribers(channel.get(), wanted);
        }
        status.markAddedToChannel();
        channelVerdict(channel.get(), entry.get(), status);
    }

    /** The channel's entry for this Subscription, every URI resolved; empty (status marked) when one is not. */
    private Optional<SubscriberSpec> resolve(NamespacedName key, Subscription subscription,
            SubscribableChannel channel, SubscriptionLifecycle status) {
        SubscriptionSpec spec = subscription.spec();
        Optional<String> subscriber = Optional.empty();
        Optional<String> reply = Optional.empty();
        List<String> problems = new ArrayList<>();
        String reason = null;
        if (spec.subscriber() != null) {
            switch (resolver.resolve(spec.subscriber(), key.namespace())) {
                case Resolution.Resolved resolved -> subscriber = Optional.of(resolved.uri().toString());
                case Resolution.Unresolved unresolved -> {
                    reason = SubscriptionLifecycle.SUBSCRIBER_RESOLVE_FAILED;
                    problems.add("spec.subscriber: " + unresolved.message());
                }
            }
        }
        if (spec.reply() != null) {
            switch (resolver.resolve(spec.reply(), key.namespace())) {
                case Resolution.Resolved resolved -> reply = Optional.of(resolved.uri().toString());
                case Resolution.Unresolved unresolved -> {
                    reason = reason == null ? SubscriptionLifecycle.REPLY_RESOLVE_FAILED : reason;
                    problems.add("spec.reply: " + unresolved.message());
                }
            }
        }
        Optional<DeliverySpec> delivery = delivery(key, spec.delivery(), channel, problems);
        if (delivery.isEmpty() && reason == null && !problems.isEmpty()) {
            reason = SubscriptionLifecycle.DEAD_LETTER_SINK_RESOLVE_FAILED;
        }
        if (!problems.isEmpty()) {
            status.markReferencesNotResolved(reason, String.join("; ", problems));
            return Optional.empty();
        }
        DeliverySpec effective = delivery.orElseThrow().equals(NO_DELIVERY) ? null : delivery.get();
        status.markReferencesResolved(new PhysicalSubscription(subscriber.orElse(null), reply.orElse(null),
                effective == null || effective.deadLetterSink() == null ? null : effective.deadLetterSink().uri()));
        return Optional.of(new SubscriberSpec(null, subscription.metadata().uid(),
                subscription.metadata().generation(), subscriber.orElse(null), reply.orElse(null), effective));
    }

    /** No delivery at all (neither the Subscription's nor the channel's). */
    private static final DeliverySpec NO_DELIVERY = new DeliverySpec(null, null, null, null, null, null, null);

    /**
     * The delivery in effect, its dead-letter sink as a resolved URI: the Subscription's own, else the channel's
     * (with the dead-letter sink the channel resolved); empty with a problem added when a sink does not resolve.
     */
    private Optional<DeliverySpec> delivery(NamespacedName key, DeliverySpec own, SubscribableChannel channel,
            List<String> problems) {
        if (own != null) {
            if (own.deadLetterSink() == null) {
                return Optional.of(own);
            }
            return switch (resolver.resolve(own.deadLetterSink(), key.namespace())) {
                case Resolution.Resolved resolved -> Optional.of(withSink(own, resolved.uri()));
                case Resolution.Unresolved unresolved -> {
                    problems.add("spec.delivery.deadLetterSink: " + unresolved.message());
                    yield Optional.empty();
                }
            };
        }
        DeliverySpec inherited = channel.delivery();
        if (inherited == null) {
            return Optional.of(NO_DELIVERY);
        }
        if (inherited.deadLetterSink() == null) {
            return Optional.of(inherited);
        }
        String sink = channel.status().deadLetterSinkUri();
        if (sink == null || sink.isEmpty()) {
            problems.add("the channel's dead-letter sink is not resolved yet");
            return Optional.empty();
        }
        return Optional.of(withSink(inherited, URI.create(sink)));
    }

    private static DeliverySpec withSink(DeliverySpec spec, URI sink) {
        return new DeliverySpec(Destination.of(sink.toString()), spec.retry(), spec.timeout(), spec.backoffPolicy(),
                spec.backoffDelay(), spec.retryAfterMax(), spec.format());
    }

    /** ChannelReady is the channel's {@code status.subscribers[uid]} for this generation. */
    private static void channelVerdict(SubscribableChannel channel, SubscriberSpec entry,
            SubscriptionLifecycle status) {
        Optional<SubscriberStatus> verdict = channel.status().subscribersOrEmpty().stream()
                .filter(s -> entry.uid().equals(s.uid()) && Objects.equals(s.observedGeneration(), entry.generation()))
                .findFirst();
        if (verdict.isEmpty() || ConditionSet.UNKNOWN.equals(verdict.get().ready())) {
            status.markChannelReadyUnknown();
        } else if (ConditionSet.TRUE.equals(verdict.get().ready())) {
            status.markChannelReady();
        } else {
            status.markChannelNotReady(verdict.get().message() == null ? "the channel refused the subscription"
                    : verdict.get().message());
        }
    }

    /** Adds the finalizer, so that a deletion waits for the channel's entry to be taken out. */
    private Subscription holdDeletion(Subscription subscription, List<String> finalizers) {
        List<String> more = new ArrayList<>(finalizers);
        more.add(FINALIZER);
        return subscriptions.update(subscription.withMetadata(MetadataEdits.withFinalizers(subscription.metadata(),
                more)));
    }

    /** Takes the entry out of the channel (if it is still there), then lets the deletion go on. */
    private void finalize(NamespacedName key, Subscription subscription, List<String> finalizers) {
        tracker.forget(key);
        if (SubscribableChannels.served(ObjectRef.of(subscription.spec().channel(), key.namespace()))) {
            channels.get(subscription.spec().channel(), key.namespace()).ifPresent(channel -> {
                List<SubscriberSpec> rest = ChannelSubscribers.without(channel.subscribers(),
                        subscription.metadata().uid());
                if (rest.size() != channel.subscribers().size()) {
                    channels.setSubscribers(channel, rest);
                }
            });
        }
        List<String> rest = finalizers.stream().filter(f -> !f.equals(FINALIZER)).toList();
        subscriptions.update(subscription.withMetadata(MetadataEdits.withFinalizers(subscription.metadata(), rest)));
    }
}
