package dev.kumo.eventing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.eventing.api.DeliveryOrder;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scheduling decision of ordered and unordered delivery, without a clock, threads or sockets. */
class KeyedScheduleTest {

    @Test
    void oneKeyGoesOneAtATimeInTheOrderAdded() {
        KeyedSchedule<String> schedule = new KeyedSchedule<>(10);
        schedule.add("a", "a1");
        schedule.add("a", "a2");
        schedule.add("a", "a3");

        assertThat(drain(schedule)).containsExactly("a1");
        schedule.done("a");
        assertThat(drain(schedule)).containsExactly("a2");
        schedule.done("a");
        assertThat(drain(schedule)).containsExactly("a3");
        schedule.done("a");
        assertThat(drain(schedule)).isEmpty();
        assertThat(schedule.waiting()).isZero();
        assertThat(schedule.inFlight()).isZero();
    }

    @Test
    void aKeyThatRetriesHoldsBackOnlyItsOwnItems() {
        KeyedSchedule<String> schedule = new KeyedSchedule<>(10);
        schedule.add("a", "a1");
        schedule.add("b", "b1");
        schedule.add("a", "a2");
        schedule.add("b", "b2");
        schedule.add("c", "c1");
        assertThat(drain(schedule)).containsExactly("a1", "b1", "c1");

        // a1 is still under way (its subscriber failed it and a retry waits): b and c move on without it.
        schedule.done("b");
        schedule.done("c");
        assertThat(drain(schedule)).containsExactly("b2");
        schedule.done("b");
        assertThat(drain(schedule)).isEmpty();
        assertThat(schedule.waiting()).isEqualTo(1);

        schedule.done("a");
        assertThat(drain(schedule)).containsExactly("a2");
    }

    @Test
    void keysShareTheBoundOnDeliveriesUnderWayAndTakeFreeSlotsInTheOrderTheyBecameReady() {
        KeyedSchedule<String> schedule = new KeyedSchedule<>(2);
        schedule.add("a", "a1");
        schedule.add("b", "b1");
        schedule.add("c", "c1");
        schedule.add("d", "d1");

        assertThat(drain(schedule)).containsExactly("a1", "b1");
        assertThat(schedule.saturated()).isTrue();
        schedule.done("b");
        assertThat(schedule.saturated()).isFalse();
        assertThat(drain(schedule)).containsExactly("c1");
        schedule.done("a");
        assertThat(drain(schedule)).containsExactly("d1");
        assertThat(schedule.inFlight()).isEqualTo(2);
    }

    @Test
    void unkeyedItemsWaitForNothingButASlot() {
        KeyedSchedule<String> schedule = new KeyedSchedule<>(3);
        for (int i = 1; i <= 4; i++) {
            schedule.add(KeyedSchedule.UNKEYED_ITEM, "e" + i);
        }
        assertThat(drain(schedule)).containsExactly("e1", "e2", "e3");
        schedule.done(KeyedSchedule.UNKEYED_ITEM);
        assertThat(drain(schedule)).containsExactly("e4");
        assertThat(schedule.inFlight()).isEqualTo(3);
    }

    @Test
    void doneWithNothingUnderWayIsABug() {
        assertThatThrownBy(() -> new KeyedSchedule<String>(1).done("a")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new KeyedSchedule<String>(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyIsThePartitionkeyAsTextAndEventsWithoutOneShareAKey() {
        CloudEventBuilder event = CloudEventBuilder.v1().withId("1").withSource(URI.create("/s")).withType("t");

        assertThat(PartitionKey.of(event.withExtension("partitionkey", "order-7").build(), DeliveryOrder.ORDERED))
                .isEqualTo("order-7");
        assertThat(PartitionKey.of(event.withExtension("partitionkey", 7).build(), DeliveryOrder.ORDERED))
                .isEqualTo(PartitionKey.of(event.withExtension("partitionkey", "7").build(), DeliveryOrder.ORDERED));
        CloudEventBuilder unkeyed = CloudEventBuilder.v1().withId("2").withSource(URI.create("/s")).withType("t");
        assertThat(PartitionKey.of(unkeyed.build(), DeliveryOrder.ORDERED)).isSameAs(PartitionKey.NONE);
        assertThat(PartitionKey.of(event.build(), DeliveryOrder.UNORDERED)).isSameAs(KeyedSchedule.UNKEYED_ITEM);
    }

    private static List<String> drain(KeyedSchedule<String> schedule) {
        List<String> started = new ArrayList<>();
        for (Optional<String> next = schedule.next(); next.isPresent(); next = schedule.next()) {
            started.add(next.get());
        }
        return started;
    }
}
