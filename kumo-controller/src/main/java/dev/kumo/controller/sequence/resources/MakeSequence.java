package dev.kumo.controller.sequence.resources;

import dev.kumo.api.duck.Destination;
import dev.kumo.api.duck.KReference;
import dev.kumo.api.flows.Sequence;
import dev.kumo.api.flows.SequenceSpec;
import dev.kumo.api.flows.SequenceStep;
import dev.kumo.api.messaging.InMemoryChannel;
import dev.kumo.api.messaging.Subscription;
import dev.kumo.api.messaging.SubscriptionSpec;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.controller.channel.resources.MakeBackingChannel;
import dev.kumo.controller.client.Owners;
import java.util.List;

/**
 * A Sequence's children as Knative's {@code reconciler/sequence/resources} builds them: for step i a channel of the
 * template's kind and a Subscription reading it, delivering to step i with step i's delivery, replying to channel
 * i+1 — or, for the last step, to {@code spec.reply} (none: the result is dropped).
 */
public final class MakeSequence {

    private MakeSequence() {
    }

    public static InMemoryChannel channel(Sequence sequence, int step) {
        return MakeBackingChannel.make(sequence, SequenceNames.channel(sequence.metadata().name(), step),
                sequence.spec().channelTemplate());
    }

    public static Subscription subscription(Sequence sequence, int step) {
        SequenceSpec spec = sequence.spec();
        String name = sequence.metadata().name();
        String namespace = sequence.metadata().namespace();
        List<SequenceStep> steps = spec.stepsOrEmpty();
        Destination reply = step + 1 < steps.size()
                ? Destination.of(channelRef(spec, SequenceNames.channel(name, step + 1), namespace))
                : spec.reply();
        SequenceStep current = steps.get(step);
        ObjectMeta metadata = ObjectMeta.builder().namespace(namespace).name(SequenceNames.subscription(name, step))
                .ownerReferences(List.of(Owners.controllerRef(sequence))).build();
        return Subscription.of(metadata, new SubscriptionSpec(channelRef(spec, SequenceNames.channel(name, step),
                null), current.destination(), reply, current.delivery()));
    }

    private static KReference channelRef(SequenceSpec spec, String name, String namespace) {
        return new KReference(spec.channelTemplate().kind(), namespace, name, spec.channelTemplate().apiVersion(),
                null, null);
    }
}
