package dev.kumo.controller.channel;

import static dev.kumo.api.messaging.lifecycle.ChannelConditions.ADDRESSABLE;
import static dev.kumo.api.messaging.lifecycle.ChannelConditions.BACKING_CHANNEL_READY;
import static dev.kumo.api.messaging.lifecycle.ChannelConditions.DEAD_LETTER_SINK_RESOLVED;
import static dev.kumo.api.messaging.lifecycle.ChannelConditions.SET;

import dev.kumo.api.duck.KReference;
import dev.kumo.api.messaging.ChannelableStatus;
import dev.kumo.api.messaging.InMemoryChannel;
import dev.kumo.api.messaging.lifecycle.InMemoryChannelConditions;
import dev.kumo.api.meta.Condition;
import dev.kumo.api.serving.lifecycle.ConditionSet;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/** A Channel's status being reconciled (Knative's channel_lifecycle): mostly its backing channel's, propagated. */
final class ChannelLifecycle {

    static final String TEMPLATE_NOT_SERVED = "ChannelTemplateNotServed";
    static final String BACKING_CHANNEL_NOT_READY = "BackingChannelNotReady";
    static final String EMPTY_HOSTNAME = "EmptyHostname";

    private final InstantSource clock;
    private List<Condition> conditions;
    private ChannelableStatus status;

    ChannelLifecycle(ChannelableStatus current, InstantSource clock) {
        this.status = current == null ? ChannelableStatus.EMPTY : current;
        this.clock = clock;
        this.conditions = SET.initialize(status.conditions(), clock);
    }

    void markTemplateNotServed(String message) {
        conditions = SET.markFalse(conditions, BACKING_CHANNEL_READY, TEMPLATE_NOT_SERVED, message, clock);
    }

    /** Address, subscribers and dead-letter sink as the backing channel has them; its Ready as BackingChannelReady. */
    void propagate(InMemoryChannel backing) {
        ChannelableStatus from = backing.status() == null ? ChannelableStatus.EMPTY : backing.status();
        KReference ref = new KReference(backing.kind(), backing.metadata().namespace(), backing.metadata().name(),
                backing.apiVersion(), null, null);
        status = new ChannelableStatus(status.observedGeneration(), conditions, from.address(), from.subscribers(),
                from.deadLetterSinkUri(), ref);
        Condition ready = InMemoryChannelConditions.SET.ready(SET.initialize(from.conditions(), clock));
        conditions = switch (ready.status()) {
            case ConditionSet.TRUE -> SET.markTrue(conditions, BACKING_CHANNEL_READY, clock);
            case ConditionSet.FALSE -> SET.markFalse(conditions, BACKING_CHANNEL_READY, reason(ready),
                    ready.message(), clock);
            default -> SET.markUnknown(conditions, BACKING_CHANNEL_READY, reason(ready), ready.message(), clock);
        };
        conditions = from.address() == null || from.address().url() == null
                ? SET.markFalse(conditions, ADDRESSABLE, EMPTY_HOSTNAME, "the backing channel has no address yet",
                        clock)
                : SET.markTrue(conditions, ADDRESSABLE, clock);
        Optional<Condition> sink = ConditionSet.find(from.conditions(), InMemoryChannelConditions.DEAD_LETTER_SINK_RESOLVED);
        if (sink.isPresent()) {
            conditions = SET.set(conditions, sink.get(), clock);
        } else {
            conditions = SET.markUnknown(conditions, DEAD_LETTER_SINK_RESOLVED, BACKING_CHANNEL_NOT_READY,
                    "the backing channel has not resolved its dead-letter sink yet", clock);
        }
    }

    ChannelableStatus toStatus(long generation) {
        return new ChannelableStatus(generation, conditions, status.address(), status.subscribers(),
                status.deadLetterSinkUri(), status.channel());
    }

    private static String reason(Condition ready) {
        return ready.reason() == null || ready.reason().isEmpty() ? BACKING_CHANNEL_NOT_READY : ready.reason();
    }
}
