package dev.kumo.api.eventing.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.meta.Condition;
import dev.kumo.api.serving.lifecycle.ConditionSet;
import dev.kumo.api.sources.lifecycle.SourceConditions;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each eventing kind is Ready exactly when every condition of its set is True, with Knative's type names. */
class EventingConditionsTest {

    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2025-01-01T00:00:00Z"));

    static Stream<ConditionSet> sets() {
        return Stream.of(BrokerConditions.SET, TriggerConditions.SET, SourceConditions.PING_SOURCE,
                SourceConditions.API_SERVER_SOURCE, SourceConditions.SINK_BINDING, SourceConditions.CONTAINER_SOURCE);
    }

    @ParameterizedTest
    @MethodSource("sets")
    void readyFollowsTheDependents(ConditionSet set) {
        List<Condition> conditions = set.initialize(List.of(), CLOCK);
        assertThat(ConditionSet.find(conditions, "Ready")).get().extracting(Condition::status).isEqualTo("Unknown");

        for (String type : set.dependents()) {
            conditions = set.markTrue(conditions, type, CLOCK);
        }
        assertThat(set.isReady(conditions)).isTrue();

        String last = set.dependents().getLast();
        conditions = set.markFalse(conditions, last, "Broken", "it broke", CLOCK);
        assertThat(ConditionSet.find(conditions, "Ready")).get()
                .extracting(Condition::status, Condition::reason).containsExactly("False", "Broken");
    }

    @ParameterizedTest
    @MethodSource("sets")
    void namesAreKnatives(ConditionSet set) {
        assertThat(set.happy()).isEqualTo("Ready");
        assertThat(set.dependents()).isSubsetOf("IngressReady", "FilterReady", "Addressable",
                "DeadLetterSinkResolved", "BrokerReady", "SubscriptionReady", "DependencyReady", "SubscriberResolved",
                "SinkProvided", "Deployed", "SufficientPermissions", "SinkBindingAvailable", "SinkBindingReady",
                "ReceiveAdapterReady");
    }
}
