package dev.kumo.controller.trigger;

import static dev.kumo.api.eventing.lifecycle.TriggerConditions.BROKER_READY;
import static dev.kumo.api.eventing.lifecycle.TriggerConditions.DEAD_LETTER_SINK_RESOLVED;
import static dev.kumo.api.eventing.lifecycle.TriggerConditions.DEPENDENCY_READY;
import static dev.kumo.api.eventing.lifecycle.TriggerConditions.SET;
import static dev.kumo.api.eventing.lifecycle.TriggerConditions.SUBSCRIBER_RESOLVED;
import static dev.kumo.api.eventing.lifecycle.TriggerConditions.SUBSCRIPTION_READY;

import dev.kumo.api.eventing.TriggerStatus;
import dev.kumo.api.meta.Condition;
import java.net.URI;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/** A Trigger's status being reconciled, changed only through named mutators (Knative's trigger_lifecycle). */
final class TriggerLifecycle {

    static final String BROKER_DOES_NOT_EXIST = "BrokerDoesNotExist";
    static final String BROKER_NOT_CONFIGURED = "BrokerNotConfigured";
    static final String SUBSCRIBER_NOT_RESOLVED = "SubscriberNotResolved";
    static final String DEAD_LETTER_SINK_NOT_CONFIGURED = "DeadLetterSinkNotConfigured";
    static final String DEAD_LETTER_SINK_NOT_RESOLVED = "DeadLetterSinkNotResolved";
    static final String INVALID_FILTER = "InvalidFilter";
    static final String DISPATCHER_STUCK = "DispatcherStuck";

    private final TriggerStatus original;
    private final InstantSource clock;
    private List<Condition> conditions;
    private String subscriberUri;
    private String deadLetterSinkUri;

    TriggerLifecycle(TriggerStatus current, InstantSource clock) {
        this.original = current == null ? TriggerStatus.EMPTY : current;
        this.clock = clock;
        this.conditions = SET.initialize(original.conditions(), clock);
        this.subscriberUri = original.subscriberUri();
        this.deadLetterSinkUri = original.deadLetterSinkUri();
    }

    void markBrokerDoesNotExist(String broker) {
        conditions = SET.markFalse(conditions, BROKER_READY, BROKER_DOES_NOT_EXIST,
                "Broker \"" + broker + "\" does not exist", clock);
    }

    /** BrokerReady follows the Broker's Ready; a Broker not reconciled yet leaves it Unknown. */
    void propagateBrokerReady(Optional<Condition> ready) {
        if (ready.isEmpty()) {
            conditions = SET.markUnknown(conditions, BROKER_READY, BROKER_NOT_CONFIGURED,
                    "Broker has not yet been reconciled.", clock);
        } else if (ready.get().isTrue()) {
            conditions = SET.markTrue(conditions, BROKER_READY, clock);
        } else if (ready.get().isFalse()) {
            conditions = SET.markFalse(conditions, BROKER_READY, ready.get().reason(), ready.get().message(), clock);
        } else {
            conditions = SET.markUnknown(conditions, BROKER_READY, ready.get().reason(), ready.get().message(),
                    clock);
        }
    }

    void markSubscriberResolved(URI uri) {
        subscriberUri = uri.toString();
        conditions = SET.markTrue(conditions, SUBSCRIBER_RESOLVED, clock);
    }

    void markSubscriberNotResolved(String message) {
        subscriberUri = null;
        conditions = SET.markFalse(conditions, SUBSCRIBER_RESOLVED, SUBSCRIBER_NOT_RESOLVED,
                "spec.subscriber: " + message, clock);
    }

    void markDeadLetterSinkNotConfigured() {
        deadLetterSinkUri = null;
        conditions = SET.markTrueWithReason(conditions, DEAD_LETTER_SINK_RESOLVED, DEAD_LETTER_SINK_NOT_CONFIGURED,
                "No dead letter sink is configured.", clock);
    }

    void markDeadLetterSinkResolved(String uri) {
        deadLetterSinkUri = uri;
        conditions = SET.markTrue(conditions, DEAD_LETTER_SINK_RESOLVED, clock);
    }

    void markDeadLetterSinkNotResolved(String message) {
        deadLetterSinkUri = null;
        conditions = SET.markFalse(conditions, DEAD_LETTER_SINK_RESOLVED, DEAD_LETTER_SINK_NOT_RESOLVED, message,
                clock);
    }

    void markSubscribed() {
        conditions = SET.markTrue(conditions, SUBSCRIPTION_READY, clock);
    }

    void markFilterInvalid(TriggerDataPlane.InvalidFilter invalid) {
        conditions = SET.markFalse(conditions, SUBSCRIPTION_READY, INVALID_FILTER,
                "spec." + invalid.field() + ": " + invalid.message(), clock);
    }

    void markDispatcherStuck(String problem) {
        conditions = SET.markFalse(conditions, SUBSCRIPTION_READY, DISPATCHER_STUCK, problem, clock);
    }

    void markDependencyReady() {
        conditions = SET.markTrue(conditions, DEPENDENCY_READY, clock);
    }

    void markDependencyFailed(String reason, String message) {
        conditions = SET.markFalse(conditions, DEPENDENCY_READY, reason, message, clock);
    }

    void markDependencyUnknown(String reason, String message) {
        conditions = SET.markUnknown(conditions, DEPENDENCY_READY, reason, message, clock);
    }

    TriggerStatus toStatus(long generation) {
        return original.toBuilder().observedGeneration(generation).conditions(conditions)
                .subscriberUri(subscriberUri).deadLetterSinkUri(deadLetterSinkUri).build();
    }
}
