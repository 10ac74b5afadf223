package dev.kumo.controller.source;

import static dev.kumo.api.sources.lifecycle.SourceConditions.SINK_PROVIDED;

import dev.kumo.api.meta.Condition;
import dev.kumo.api.serving.lifecycle.ConditionSet;
import dev.kumo.api.sources.SourceStatus;
import java.net.URI;
import java.time.InstantSource;
import java.util.List;

/**
 * A source's status ({@code duckv1.SourceStatus}) being reconciled, changed only through named mutators; the
 * condition set is the kind's ({@code SourceConditions}).
 */
public final class SourceLifecycle {

    /** Knative's reason when the sink cannot be resolved. */
    public static final String SINK_NOT_FOUND = "NotFound";

    private final SourceStatus original;
    private final ConditionSet set;
    private final String sinkCondition;
    private final InstantSource clock;
    private List<Condition> conditions;
    private String sinkUri;
    private List<SourceStatus.CloudEventAttributes> ceAttributes;
    private List<String> namespaces;

    /** A status whose sink resolution is recorded on SinkProvided. */
    public SourceLifecycle(SourceStatus current, ConditionSet set, InstantSource clock) {
        this(current, set, SINK_PROVIDED, clock);
    }

    /** A status whose sink resolution is recorded on {@code sinkCondition} (a ContainerSource's SinkBindingReady). */
    public SourceLifecycle(SourceStatus current, ConditionSet set, String sinkCondition, InstantSource clock) {
        this.original = current == null ? SourceStatus.EMPTY : current;
        this.set = set;
        this.sinkCondition = sinkCondition;
        this.clock = clock;
        this.conditions = set.initialize(original.conditions(), clock);
        this.sinkUri = original.sinkUri();
        this.ceAttributes = original.ceAttributes();
        this.namespaces = original.namespaces();
    }

    public void markSink(URI uri) {
        sinkUri = uri.toString();
        conditions = set.markTrue(conditions, sinkCondition, clock);
    }

    public void markNoSink(String message) {
        sinkUri = null;
        conditions = set.markFalse(conditions, sinkCondition, SINK_NOT_FOUND, "spec.sink: " + message, clock);
    }

    /** A condition of the kind's set is True (Deployed, SinkBindingAvailable, …). */
    public void markTrue(String type) {
        conditions = set.markTrue(conditions, type, clock);
    }

    /** A condition of the kind's set is True with a reason that says how (Knative's {@code MarkTrueWithReason}). */
    public void markTrue(String type, String reason, String message) {
        conditions = set.markTrueWithReason(conditions, type, reason, message, clock);
    }

    public void markUnknown(String type, String reason, String message) {
        conditions = set.markUnknown(conditions, type, reason, message, clock);
    }

    public void markFalse(String type, String reason, String message) {
        conditions = set.markFalse(conditions, type, reason, message, clock);
    }

    /** The type and source of the events the source sends. */
    public void setCeAttributes(List<SourceStatus.CloudEventAttributes> value) {
        ceAttributes = List.copyOf(value);
    }

    /** The namespaces the source watches (an ApiServerSource's {@code status.namespaces}). */
    public void setNamespaces(List<String> value) {
        namespaces = List.copyOf(value);
    }

    public SourceStatus toStatus(long generation) {
        return original.toBuilder().observedGeneration(generation).conditions(conditions).sinkUri(sinkUri)
                .ceAttributes(ceAttributes).namespaces(namespaces).build();
    }
}
