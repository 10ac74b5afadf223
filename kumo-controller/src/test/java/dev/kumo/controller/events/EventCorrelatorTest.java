package dev.kumo.controller.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.events.ObjectReference;
import dev.kumo.common.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventCorrelatorTest {

    private static final ObjectReference REVISION = new ObjectReference("Revision", "default", "hello-00001", "u1",
            "serving.knative.dev/v1", null, null);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final EventCorrelator correlator = new EventCorrelator(Duration.ofMinutes(10), 3);

    private EventCorrelator.Series observe(String reason, String message) {
        return correlator.observe(new EventCorrelator.Key("kubelet", REVISION, EventRecorder.Type.Warning, reason,
                message), clock.instant());
    }

    @Test
    void theSameEventWithinTheWindowIsOneWhoseCountAndLastTimeGrow() {
        EventCorrelator.Series first = observe("BackOff", "crashed");
        clock.advance(Duration.ofSeconds(5));
        EventCorrelator.Series second = observe("BackOff", "crashed");

        assertThat(first.count()).isEqualTo(1);
        assertThat(first.name()).startsWith("hello-00001.");
        assertThat(second.name()).isEqualTo(first.name());
        assertThat(second.count()).isEqualTo(2);
        assertThat(second.first()).isEqualTo(first.first());
        assertThat(second.last()).isEqualTo(clock.instant());
    }

    @Test
    void anotherMessageReasonOrALapsedWindowIsANewEvent() {
        EventCorrelator.Series crashed = observe("BackOff", "crashed");
        assertThat(observe("BackOff", "crashed again").name()).isNotEqualTo(crashed.name());
        assertThat(observe("Killing", "crashed").name()).isNotEqualTo(crashed.name());
        clock.advance(Duration.ofMinutes(11));
        EventCorrelator.Series later = observe("BackOff", "crashed");
        assertThat(later.name()).isNotEqualTo(crashed.name());
        assertThat(later.count()).isEqualTo(1);
    }

    @Test
    void twoEventsAtTheSameInstantGetDifferentNames() {
        assertThat(observe("A", "a").name()).isNotEqualTo(observe("B", "b").name());
    }

    @Test
    void remembersAtMostMaxKeysAndForgetsPrunedOnes() {
        EventCorrelator.Series a = observe("A", "a");
        observe("B", "b");
        observe("C", "c");
        observe("D", "d"); // A, the least recently seen, is forgotten
        assertThat(observe("A", "a").name()).isNotEqualTo(a.name());

        EventCorrelator.Series d = observe("D", "d");
        correlator.forget(d.name());
        assertThat(observe("D", "d").count()).isEqualTo(1);
    }
}
