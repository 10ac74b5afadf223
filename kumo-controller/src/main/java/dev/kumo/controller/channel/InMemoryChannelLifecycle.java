package dev.kumo.controller.channel;

import static dev.kumo.api.messaging.lifecycle.InMemoryChannelConditions.ADDRESSABLE;
import static dev.kumo.api.messaging.lifecycle.InMemoryChannelConditions.CHANNEL_SERVICE_READY;
import static dev.kumo.api.messaging.lifecycle.InMemoryChannelConditions.DEAD_LETTER_SINK_RESOLVED;
import static dev.kumo.api.messaging.lifecycle.InMemoryChannelConditions.ENDPOINTS_READY;
import static dev.kumo.api.messaging.lifecycle.InMemoryChannelConditions.SERVICE_READY;
import static dev.kumo.api.messaging.lifecycle.InMemoryChannelConditions.SET;

import dev.kumo.api.messaging.ChannelableStatus;
import dev.kumo.api.messaging.SubscriberStatus;
import dev.kumo.api.meta.Condition;
import dev.kumo.api.serving.Addressable;
import java.net.URI;
import java.time.InstantSource;
import java.util.List;

/** An InMemoryChannel's status being reconciled, changed only through named mutators (in_memory_channel_lifecycle). */
final class InMemoryChannelLifecycle {

    static final String DEAD_LETTER_SINK_NOT_CONFIGURED = "DeadLetterSinkNotConfigured";
    static final String DEAD_LETTER_SINK_RESOLVE_FAILED = "DeadLetterSinkResolveFailed";

    private final ChannelableStatus original;
    private final InstantSource clock;
    private List<Condition> conditions;
    private Addressable address;
    private List<SubscriberStatus> subscribers;
    private String deadLetterSinkUri;

    InMemoryChannelLifecycle(ChannelableStatus current, InstantSource clock) {
        this.original = current == null ? ChannelableStatus.EMPTY : current;
        this.clock = clock;
        this.conditions = SET.initialize(original.conditions(), clock);
        this.address = original.address();
        this.subscribers = original.subscribers();
        this.deadLetterSinkUri = original.deadLetterSinkUri();
    }

    void markDeadLetterSinkNotConfigured() {
        deadLetterSinkUri = null;
        conditions = SET.markTrueWithReason(conditions, DEAD_LETTER_SINK_RESOLVED, DEAD_LETTER_SINK_NOT_CONFIGURED,
                "No dead letter sink is configured.", clock);
    }

    void markDeadLetterSinkResolved(URI uri) {
        deadLetterSinkUri = uri.toString();
        conditions = SET.markTrue(conditions, DEAD_LETTER_SINK_RESOLVED, clock);
    }

    void markDeadLetterSinkNotResolved(String message) {
        deadLetterSinkUri = null;
        conditions = SET.markFalse(conditions, DEAD_LETTER_SINK_RESOLVED, DEAD_LETTER_SINK_RESOLVE_FAILED,
                "spec.delivery.deadLetterSink: " + message, clock);
    }

    /** The mesh serves the channel at {@code url} with these subscribers: everything the channel needs is ready. */
    void markServed(URI url, List<SubscriberStatus> served) {
        address = new Addressable("http", url.toString(), null, null);
        subscribers = served.isEmpty() ? null : served;
        for (String type : List.of(SERVICE_READY, ENDPOINTS_READY, CHANNEL_SERVICE_READY, ADDRESSABLE)) {
            conditions = SET.markTrue(conditions, type, clock);
        }
    }

    ChannelableStatus toStatus(long generation) {
        return new ChannelableStatus(generation, conditions, address, subscribers, deadLetterSinkUri,
                original.channel());
    }
}
