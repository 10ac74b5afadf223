package dev.kumo.controller.broker;

import dev.kumo.api.duck.DeliverySpec;
import dev.kumo.api.eventing.Broker;
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
import java.util.Optional;

/**
 * Serves a Broker in the event mesh: resolves its dead-letter sink, upserts it with its delivery, and publishes
 * the ingress URL as its address. A deleted Broker is removed from the mesh.
 */
public final class BrokerReconciler implements Reconciler {

    private final TypedStore<Broker> brokers;
    private final DestinationResolver resolver;
    private final Tracker tracker;
    private final BrokerDataPlane dataPlane;
    private final InstantSource clock;

    BrokerReconciler(TypedStore<Broker> brokers, DestinationResolver resolver, Tracker tracker,
            BrokerDataPlane dataPlane, InstantSource clock) {
        this.brokers = brokers;
        this.resolver = resolver;
        this.tracker = tracker;
        this.dataPlane = dataPlane;
        this.clock = clock;
    }

    @Override
    public Result reconcile(NamespacedName key) {
        Optional<Broker> found = brokers.get(key.namespace(), key.name());
        if (found.isEmpty()) {
            tracker.forget(key);
            dataPlane.remove(key);
            return Result.done();
        }
        Broker broker = found.get();
        if (broker.metadata().deletionTimestamp() != null) {
            return Result.done();
        }
        BrokerLifecycle status = new BrokerLifecycle(broker.status(), clock);
        serve(key, broker, status);
        brokers.updateStatusIfChanged(broker, broker.withStatus(status.toStatus(generation(broker))),
                Broker::status);
        return Result.done();
    }

    /** Resolves the dead-letter sink first (as Knative does), then serves the Broker. */
    private void serve(NamespacedName key, Broker broker, BrokerLifecycle status) {
        if (!BrokerClasses.served(broker)) {
            status.markClassNotServed(broker.brokerClass());
            return;
        }
        DeliverySpec spec = broker.spec() == null ? null : broker.spec().delivery();
        tracker.track(key, DestinationResolver.reference(spec == null ? null : spec.deadLetterSink(),
                key.namespace()).stream().toList());
        Optional<URI> deadLetterSink = Optional.empty();
        if (spec == null || spec.deadLetterSink() == null) {
            status.markDeadLetterSinkNotConfigured();
        } else {
            switch (resolver.resolve(spec.deadLetterSink(), key.namespace())) {
                case Resolution.Unresolved unresolved -> {
                    status.markDeadLetterSinkNotResolved(unresolved.message());
                    return;
                }
                case Resolution.Resolved resolved -> {
                    status.markDeadLetterSinkResolved(resolved.uri());
                    deadLetterSink = Optional.of(resolved.uri());
                }
            }
        }
        status.markServed(dataPlane.upsert(key, new Delivery(Optional.ofNullable(spec), deadLetterSink)));
    }

    private static long generation(Broker broker) {
        return broker.metadata().generation() == null ? 0 : broker.metadata().generation();
    }
}
