package dev.kumo.controller.eventing;

import dev.kumo.controller.apiserversource.ApiServerSourceController;
import dev.kumo.controller.apiserversource.SourceAccess;
import dev.kumo.controller.broker.BrokerController;
import dev.kumo.controller.channel.ChannelController;
import dev.kumo.controller.containersource.ContainerSourceController;
import dev.kumo.controller.parallel.ParallelController;
import dev.kumo.controller.pingsource.PingSourceController;
import dev.kumo.controller.sequence.SequenceController;
import dev.kumo.controller.sinkbinding.SinkBindingController;
import dev.kumo.controller.eventtype.EventTypeController;
import dev.kumo.controller.engine.Engine;
import dev.kumo.controller.engine.EngineOptions;
import dev.kumo.controller.subscription.SubscriptionController;
import dev.kumo.controller.trigger.TriggerController;
import dev.kumo.store.ResourceStore;
import java.time.Duration;
import java.time.InstantSource;

/** The eventing controllers running on one engine over a store; closing it stops them. */
public final class EventingControllers implements AutoCloseable {

    private final Engine engine;

    private EventingControllers(Engine engine) {
        this.engine = engine;
    }

    /**
     * Starts the Broker, Trigger, sources', channels', Subscription, Sequence and Parallel controllers over {@code dataPlane}; ApiServerSources may read what
     * {@code access} allows.
     */
    public static EventingControllers start(ResourceStore store, InstantSource clock, EngineOptions options,
            EventingDataPlane dataPlane, SourceAccess access) {
        Engine engine = new Engine(store, clock, options);
        BrokerController.register(engine, store, clock, dataPlane.brokers());
        TriggerController.register(engine, store, clock, dataPlane.triggers());
        EventTypeController.register(engine, store, clock);
        PingSourceController.register(engine, store, clock, dataPlane.pingSources());
        ApiServerSourceController.register(engine, store, clock, dataPlane.apiServerSources(), access);
        SinkBindingController.register(engine, store, clock);
        ContainerSourceController.register(engine, store, clock, dataPlane.containerSources());
        ChannelController.register(engine, store, clock, dataPlane.channels());
        SubscriptionController.register(engine, store, clock);
        SequenceController.register(engine, store, clock);
        ParallelController.register(engine, store, clock);
        engine.start();
        return new EventingControllers(engine);
    }

    /** Waits until the controllers have nothing left to do; see {@link Engine#awaitIdle}. */
    public boolean awaitIdle(Duration timeout) {
        return engine.awaitIdle(timeout);
    }

    @Override
    public void close() {
        engine.close();
    }
}
