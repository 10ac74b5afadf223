package dev.kumo.eventing.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TriggerPositionTest {

    @Test
    void theLowWaterMarkMovesOnlyOverContiguousFinishedEvents() {
        TriggerPosition position = TriggerPosition.at(10);

        position.finish(12);
        position.finish(14);
        assertThat(position.lowWater()).isEqualTo(10);
        assertThat(position.isFinished(12)).isTrue();
        assertThat(position.isFinished(11)).isFalse();

        position.finish(11);
        assertThat(position.lowWater()).isEqualTo(12);
        assertThat(position.finishedAboveCount()).isEqualTo(1);

        position.finish(13);
        assertThat(position.lowWater()).isEqualTo(14);
        assertThat(position.finishedAboveCount()).isZero();
    }

    @Test
    void finishingTwiceOrBelowTheMarkChangesNothing() {
        TriggerPosition position = TriggerPosition.at(5);

        position.finish(3);
        position.finish(7);
        position.finish(7);

        assertThat(position.lowWater()).isEqualTo(5);
        assertThat(position.encodeFinishedAbove()).isEqualTo("2");
    }

    @Test
    void encodesAndDecodesWhatFinishedAboveTheMark() {
        TriggerPosition position = TriggerPosition.at(100);
        position.finish(102);
        position.finish(150);

        TriggerPosition decoded = TriggerPosition.decode(100, position.encodeFinishedAbove());

        assertThat(position.encodeFinishedAbove()).isEqualTo("2,50");
        assertThat(decoded.lowWater()).isEqualTo(100);
        assertThat(decoded.isFinished(102)).isTrue();
        assertThat(decoded.isFinished(150)).isTrue();
        assertThat(decoded.isFinished(101)).isFalse();
        assertThat(TriggerPosition.decode(7, "").finishedAboveCount()).isZero();
    }

    @Test
    void theMarkMovesOverTheSequenceNumbersOfOtherStreams() {
        // The log numbers every stream's events in one sequence: this stream's are 3, 7 and 12.
        TriggerPosition position = TriggerPosition.at(0);

        position.read(3);
        position.read(7);
        assertThat(position.lowWater()).as("3 is under way").isEqualTo(2);
        position.finish(7);
        assertThat(position.lowWater()).isEqualTo(2);
        position.finish(3);
        assertThat(position.lowWater()).as("everything read is finished").isEqualTo(7);
        assertThat(position.finishedAboveCount()).isZero();

        position.read(12);
        position.read(12); // read again after a failure: nothing changes
        position.finish(12);
        assertThat(position.lowWater()).isEqualTo(12);
        assertThat(position.encodeFinishedAbove()).isEmpty();
    }

    @Test
    void afterARestartTheEventsFinishedBeforeItAreReadOverAndNotDeliveredAgain() {
        TriggerPosition before = TriggerPosition.at(0);
        before.read(3);
        before.read(7);
        before.finish(7);
        TriggerPosition resumed = TriggerPosition.decode(before.lowWater(), before.encodeFinishedAbove());

        assertThat(resumed.lowWater()).isEqualTo(2);
        resumed.read(3);
        assertThat(resumed.isFinished(3)).isFalse();
        resumed.read(7);
        assertThat(resumed.isFinished(7)).isTrue();
        resumed.finish(3);
        assertThat(resumed.lowWater()).isEqualTo(7);
    }

    @Test
    void whatItHoldsAboveTheMarkCountsTheStreamsEventsNotTheNumbersBetweenThem() {
        TriggerPosition position = TriggerPosition.at(0);
        position.read(3);
        position.read(1_000);
        position.read(50_000);
        position.finish(50_000);

        assertThat(position.heldAboveMark()).as("3 and 1,000 under way, 50,000 finished above them").isEqualTo(3);

        TriggerPosition resumed = TriggerPosition.decode(2, "49998");
        assertThat(resumed.heldAboveMark()).as("finished before a restart, not read yet: not held").isZero();
    }
}
