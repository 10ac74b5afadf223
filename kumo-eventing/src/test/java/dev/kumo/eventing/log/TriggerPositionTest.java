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
}
