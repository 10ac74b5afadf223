package dev.kumo.controller.trigger;

import dev.kumo.api.duck.DeliverySpec;
import dev.kumo.api.eventing.Broker;
import dev.kumo.api.eventing.DeliveryOrder;
import dev.kumo.api.eventing.Trigger;
import dev.kumo.api.eventing.TriggerFilter;
import dev.kumo.api.eventing.TriggerSpec;
import dev.kumo.api.eventing.lifecycle.BrokerConditions;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.serving.lifecycle.ConditionSet;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.duck.Delivery;
import dev.kumo.controller.duck.DestinationResolver;
import dev.kumo.controller.duck.ObjectRef;
import dev.kumo.controller.duck.Resolution;
import dev.kumo.controller.duck.Tracker;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Reconciler;
import dev.kumo.controller.engine.Result;
import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Routes a Trigger in the event mesh once its Broker is ready and its subscriber and dead-letter sink resolve
 * (Knative's mttrigger reconciler, with the mesh in place of the Broker's channel Subscription). A Trigger whose
 * Broker is gone is taken out of the mesh; one that cannot resolve what it names keeps what the mesh had; one whose
 * dispatcher cannot move on is {@code SubscriptionReady=False} reason {@code DispatcherStuck} until it does.
 */
public final class TriggerReconciler implements Reconciler {

    private final TypedStore<Trigger> triggers;
    private final TypedStore<Broker> brokers;
    private final DestinationResolver resolver;
    private final TriggerDependency dependency;
    private final Tracker tracker;
    private final TriggerDataPlane dataPlane;
    private final InstantSource clock;

    TriggerReconciler(TypedStore<Trigger> triggers, TypedStore<Broker> brokers, DestinationResolver resolver,
            TriggerDependency dependency, Tracker tracker, TriggerDataPlane dataPlane, InstantSource clock) {
        this.triggers = triggers;
        this.brokers = brokers;
        this.resolver = resolver;
        this.dependency = dependency;
        this.tracker = tracker;
        this.dataPlane = dataPlane;
        this.clock = clock;
    }

    @Override
    public Result reconcile(NamespacedName key) {
        Optional<Trigger> found = triggers.get(key.namespace(), key.name());
        if (found.isEmpty()) {
            tracker.forget(key);
            dataPlane.remove(key);
            return Result.done();
        }
        Trigger trigger = found.get();
        if (trigger.metadata().deletionTimestamp() != null) {
            return Result.done();
        }
        tracker.track(key, references(trigger));
        TriggerLifecycle status = new TriggerLifecycle(trigger.status(), clock);
        route(key, trigger, status);
        triggers.updateStatusIfChanged(trigger, trigger.withStatus(status.toStatus(generation(trigger))),
                Trigger::status);
        return Result.done();
    }

    /** The phases in Knative's order; each returns early when the Trigger cannot go further. */
    private void route(NamespacedName key, Trigger trigger, TriggerLifecycle status) {
        TriggerSpec spec = trigger.spec();
        Optional<Broker> broker = brokers.get(key.namespace(), spec.broker());
        if (broker.isEmpty()) {
            status.markBrokerDoesNotExist(spec.broker());
            dataPlane.remove(key);
            return;
        }
        status.propagateBrokerReady(broker.get().status() == null ? Optional.empty()
                : ConditionSet.find(broker.get().status().conditions(), BrokerConditions.READY));
        if (!BrokerConditions.SET.isReady(broker.get().status() == null ? null
                : broker.get().status().conditions())) {
            return;
        }
        Optional<URI> subscriber = subscriber(key, spec, status);
        Optional<Delivery> delivery = subscriber.flatMap(uri -> delivery(key, spec, broker.get(), status));
        if (delivery.isEmpty()) {
            return;
        }
        TriggerFilter filter = spec.filter() == null ? TriggerFilter.ANY : spec.filter();
        dataPlane.route(new TriggerRoute(key, spec.broker(), filter, spec.filtersOrEmpty(), subscriber.get(),
                delivery.get(), DeliveryOrder.of(trigger.metadata()))).ifPresentOrElse(status::markFilterInvalid, () -> dataPlane.dispatchProblem(key)
                        .ifPresentOrElse(status::markDispatcherStuck, status::markSubscribed));
        dependency.propagate(trigger, status);
    }

    private Optional<URI> subscriber(NamespacedName key, TriggerSpec spec, TriggerLifecycle status) {
        switch (resolver.resolve(spec.subscriber(), key.namespace())) {
            case Resolution.Unresolved unresolved -> {
                status.markSubscriberNotResolved(unresolved.message());
                return Optional.empty();
            }
            case Resolution.Resolved resolved -> {
                status.markSubscriberResolved(resolved.uri());
                return Optional.of(resolved.uri());
            }
        }
    }

    /**
     * The Trigger's own delivery with its dead-letter sink resolved. Without a sink of its own, the status shows the
     * Broker's (Knative's resolveDeadLetterSink); the mesh applies the Broker's delivery when the Trigger sets none.
     */
    private Optional<Delivery> delivery(NamespacedName key, TriggerSpec spec, Broker broker,
            TriggerLifecycle status) {
        DeliverySpec own = spec.delivery();
        if (own != null && own.deadLetterSink() != null) {
            switch (resolver.resolve(own.deadLetterSink(), key.namespace())) {
                case Resolution.Unresolved unresolved -> {
                    status.markDeadLetterSinkNotResolved("spec.delivery.deadLetterSink: " + unresolved.message());
                    return Optional.empty();
                }
                case Resolution.Resolved resolved -> {
                    status.markDeadLetterSinkResolved(resolved.uri().toString());
                    return Optional.of(new Delivery(Optional.of(own), Optional.of(resolved.uri())));
                }
            }
        }
        DeliverySpec brokers = broker.spec() == null ? null : broker.spec().delivery();
        if (brokers != null && brokers.deadLetterSink() != null) {
            String uri = broker.status() == null ? null : broker.status().deadLetterSinkUri();
            if (uri == null || uri.isEmpty()) {
                status.markDeadLetterSinkNotResolved("Broker " + broker.metadata().name()
                        + " didn't set status.deadLetterSinkUri");
                return Optional.empty();
            }
            status.markDeadLetterSinkResolved(uri);
        } else {
            status.markDeadLetterSinkNotConfigured();
        }
        return Optional.of(own == null ? Delivery.NONE : new Delivery(Optional.of(own), Optional.empty()));
    }

    /** Everything this Trigger names, tracked before it is read so a change in between is not missed. */
    private static List<ObjectRef> references(Trigger trigger) {
        String namespace = trigger.metadata().namespace();
        List<ObjectRef> refs = new ArrayList<>();
        refs.add(ObjectRef.of(ResourceTypes.BROKER, namespace, trigger.spec().broker()));
        DestinationResolver.reference(trigger.spec().subscriber(), namespace).ifPresent(refs::add);
        if (trigger.spec().delivery() != null) {
            DestinationResolver.reference(trigger.spec().delivery().deadLetterSink(), namespace).ifPresent(refs::add);
        }
        TriggerDependency.reference(trigger).ifPresent(refs::add);
        return refs;
    }

    private static long generation(Trigger trigger) {
        return trigger.metadata().generation() == null ? 0 : trigger.metadata().generation();
    }
}
