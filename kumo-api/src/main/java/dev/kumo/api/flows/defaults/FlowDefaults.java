package dev.kumo.api.flows.defaults;

import static dev.kumo.api.messaging.defaults.MessagingDefaults.delivery;
import static dev.kumo.api.messaging.defaults.MessagingDefaults.destination;

import dev.kumo.api.flows.Parallel;
import dev.kumo.api.flows.ParallelBranch;
import dev.kumo.api.flows.ParallelSpec;
import dev.kumo.api.flows.Sequence;
import dev.kumo.api.flows.SequenceSpec;
import dev.kumo.api.flows.SequenceStep;
import dev.kumo.api.messaging.ChannelTemplate;
import dev.kumo.api.meta.ObjectMeta;

/** Knative's SetDefaults for the flows kinds: the channel template from the server's setting, refs' namespaces. */
public final class FlowDefaults {

    private FlowDefaults() {
    }

    public static Sequence sequence(Sequence value, ChannelTemplate defaultTemplate) {
        ObjectMeta metadata = value.metadata() == null ? ObjectMeta.EMPTY : value.metadata();
        String namespace = metadata.namespace();
        SequenceSpec spec = value.spec() == null ? new SequenceSpec(null, null, null) : value.spec();
        var steps = spec.steps() == null ? null : spec.steps().stream().map(step -> {
            SequenceStep withRef = SequenceStep.of(step.destination().withDefaultNamespace(namespace));
            return new SequenceStep(withRef.ref(), withRef.uri(), withRef.caCerts(), withRef.audience(),
                    delivery(step.delivery(), namespace));
        }).toList();
        return value.withMetadata(metadata).withSpec(new SequenceSpec(steps,
                spec.channelTemplate() == null ? defaultTemplate : spec.channelTemplate(),
                destination(spec.reply(), namespace)));
    }

    public static Parallel parallel(Parallel value, ChannelTemplate defaultTemplate) {
        ObjectMeta metadata = value.metadata() == null ? ObjectMeta.EMPTY : value.metadata();
        String namespace = metadata.namespace();
        ParallelSpec spec = value.spec() == null ? new ParallelSpec(null, null, null) : value.spec();
        var branches = spec.branches() == null ? null : spec.branches().stream().map(branch -> new ParallelBranch(
                destination(branch.filter(), namespace), destination(branch.subscriber(), namespace),
                destination(branch.reply(), namespace), delivery(branch.delivery(), namespace))).toList();
        return value.withMetadata(metadata).withSpec(new ParallelSpec(branches,
                spec.channelTemplate() == null ? defaultTemplate : spec.channelTemplate(),
                destination(spec.reply(), namespace)));
    }
}
