package dev.kumo.controller.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.duck.DeliverySpec;
import dev.kumo.api.duck.Destination;
import dev.kumo.api.duck.KReference;
import dev.kumo.api.flows.Parallel;
import dev.kumo.api.flows.ParallelBranch;
import dev.kumo.api.flows.ParallelSpec;
import dev.kumo.api.flows.Sequence;
import dev.kumo.api.flows.SequenceSpec;
import dev.kumo.api.flows.SequenceStep;
import dev.kumo.api.messaging.ChannelTemplate;
import dev.kumo.api.messaging.InMemoryChannel;
import dev.kumo.api.messaging.Subscription;
import dev.kumo.api.messaging.SubscriptionSpec;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.meta.OwnerReference;
import dev.kumo.controller.parallel.resources.MakeParallel;
import dev.kumo.controller.sequence.resources.MakeSequence;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden tests of the children Sequence and Parallel generate, after Knative's reconciler resources. */
class FlowResourcesTest {

    private static final ChannelTemplate IMC = ChannelTemplate.IN_MEMORY_CHANNEL;
    private static final Destination SINK = Destination.of("http://sink.example/");
    private static final DeliverySpec RETRY = new DeliverySpec(null, 2, null, null, null, null, null);

    @Test
    void aSequenceChainsEachStepsReplyToTheNextChannelAndTheLastToItsReply() {
        Sequence sequence = Sequence.of(meta("seq"), new SequenceSpec(List.of(step("http://a/", RETRY),
                step("http://b/", null)), IMC, SINK));

        InMemoryChannel channel = MakeSequence.channel(sequence, 1);
        assertThat(channel.metadata().name()).isEqualTo("seq-kn-sequence-1");
        assertThat(channel.metadata().ownerReferences()).containsExactly(owner("Sequence", "seq"));

        Subscription first = MakeSequence.subscription(sequence, 0);
        assertThat(first.metadata().name()).isEqualTo("seq-kn-sequence-0");
        assertThat(first.metadata().ownerReferences()).containsExactly(owner("Sequence", "seq"));
        assertThat(first.spec()).isEqualTo(new SubscriptionSpec(imc("seq-kn-sequence-0", null),
                Destination.of("http://a/"), Destination.of(imc("seq-kn-sequence-1", "ns")), RETRY));
        assertThat(MakeSequence.subscription(sequence, 1).spec()).isEqualTo(new SubscriptionSpec(
                imc("seq-kn-sequence-1", null), Destination.of("http://b/"), SINK, null));
    }

    @Test
    void aParallelFiltersIntoBranchChannelsAndRepliesWithTheBranchsReplyElseItsOwn() {
        Destination branchReply = Destination.of("http://branch-reply/");
        Parallel parallel = Parallel.of(meta("par"), new ParallelSpec(List.of(
                new ParallelBranch(Destination.of("http://filter/"), Destination.of("http://one/"), null, RETRY),
                new ParallelBranch(null, Destination.of("http://two/"), branchReply, null)), IMC, SINK));

        assertThat(MakeParallel.ingressChannel(parallel).metadata().name()).isEqualTo("par-kn-parallel");
        assertThat(MakeParallel.branchChannel(parallel, 1).metadata().name()).isEqualTo("par-kn-parallel-1");

        Subscription filtered = MakeParallel.filterSubscription(parallel, 0);
        assertThat(filtered.metadata().name()).isEqualTo("par-kn-parallel-filter-0");
        assertThat(filtered.spec()).isEqualTo(new SubscriptionSpec(imc("par-kn-parallel", null),
                Destination.of("http://filter/"), Destination.of(imc("par-kn-parallel-0", "ns")), null));
        assertThat(MakeParallel.filterSubscription(parallel, 1).spec()).isEqualTo(new SubscriptionSpec(
                imc("par-kn-parallel", null), Destination.of(imc("par-kn-parallel-1", "ns")), null, null));

        Subscription first = MakeParallel.subscriberSubscription(parallel, 0);
        assertThat(first.metadata().name()).isEqualTo("par-kn-parallel-0");
        assertThat(first.metadata().ownerReferences()).containsExactly(owner("Parallel", "par"));
        assertThat(first.spec()).isEqualTo(new SubscriptionSpec(imc("par-kn-parallel-0", null),
                Destination.of("http://one/"), SINK, RETRY));
        assertThat(MakeParallel.subscriberSubscription(parallel, 1).spec().reply()).isEqualTo(branchReply);
    }

    private static SequenceStep step(String uri, DeliverySpec delivery) {
        return new SequenceStep(null, uri, null, null, delivery);
    }

    private static KReference imc(String name, String namespace) {
        return new KReference("InMemoryChannel", namespace, name, "messaging.knative.dev/v1", null, null);
    }

    private static ObjectMeta meta(String name) {
        return ObjectMeta.builder().namespace("ns").name(name).uid(name + "-uid").build();
    }

    private static OwnerReference owner(String kind, String name) {
        return new OwnerReference("flows.knative.dev/v1", kind, name, name + "-uid", true, true);
    }
}
