package dev.kumo.eventing.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The in-memory tail answers only reads it holds every event for, and hands them back in order. */
class EventTailTest {

    @Test
    void answersReadsAfterWhereItStartedAndSendsOlderOnesToSqlite() {
        EventTail tail = new EventTail(100, 1 << 20);
        tail.add("b", 10, 11, event("e11"), 10);
        tail.add("c", 10, 12, event("e12"), 10);
        tail.add("b", 10, 13, event("e13"), 10);

        assertThat(seqs(tail.read("b", 10, 256))).containsExactly(11L, 13L);
        assertThat(seqs(tail.read("b", 11, 256))).containsExactly(13L);
        assertThat(seqs(tail.read("b", 13, 256))).isEmpty();
        assertThat(seqs(tail.read("b", 10, 1))).containsExactly(11L);
        assertThat(tail.read("b", 9, 256)).as("before the tail began: SQLite's").isEmpty();
        assertThat(tail.read("other", 0, 256)).as("a stream never appended to since the log opened").isEmpty();
        assertThat(tail.read("b", 10, 256).orElseThrow().get(0).event().getId()).isEqualTo("e11");
    }

    @Test
    void evictsTheOldestBeyondItsCountOrBytesAndStopsCoveringThem() {
        EventTail tail = new EventTail(2, 1 << 20);
        tail.add("b", 0, 1, event("e1"), 10);
        tail.add("b", 0, 2, event("e2"), 10);
        tail.add("b", 0, 3, event("e3"), 10);

        assertThat(tail.read("b", 0, 256)).isEmpty();
        assertThat(seqs(tail.read("b", 1, 256))).containsExactly(2L, 3L);

        EventTail small = new EventTail(100, 25);
        small.add("b", 0, 1, event("e1"), 10);
        small.add("b", 0, 2, event("e2"), 10);
        small.add("b", 0, 3, event("e3"), 10);
        assertThat(small.read("b", 0, 256)).isEmpty();
        assertThat(seqs(small.read("b", 1, 256))).containsExactly(2L, 3L);
    }

    @Test
    void trimmingEveryStreamLetsGoOfEachOnesEventsUpToThereAndKeepsTheRest() {
        EventTail tail = new EventTail(100, 1 << 20);
        tail.add("b", 0, 1, event("e1"), 10);
        tail.add("c", 0, 2, event("e2"), 10);
        tail.add("b", 0, 3, event("e3"), 10);
        tail.add("c", 0, 4, event("e4"), 10);
        tail.add("d", 4, 5, event("e5"), 10);

        tail.trimAll(3);

        assertThat(tail.read("b", 0, 256)).as("deleted: SQLite's to answer").isEmpty();
        assertThat(seqs(tail.read("b", 3, 256))).isEmpty();
        assertThat(seqs(tail.read("c", 3, 256))).containsExactly(4L);
        assertThat(tail.read("c", 2, 256)).isEmpty();
        assertThat(seqs(tail.read("d", 4, 256))).as("a stream starting after the range is untouched")
                .containsExactly(5L);
    }

    @Test
    void anEventThatDidNotDecodeIsLeftToSqliteWithEverythingBeforeIt() {
        EventTail tail = new EventTail(100, 1 << 20);
        tail.add("b", 0, 1, event("e1"), 10);
        tail.add("b", 0, 2, Optional.empty(), 10);
        tail.add("b", 2, 3, event("e3"), 10);

        assertThat(tail.read("b", 1, 256)).isEmpty();
        assertThat(seqs(tail.read("b", 2, 256))).containsExactly(3L);
    }

    private static List<Long> seqs(Optional<List<StoredEvent>> page) {
        return page.orElseThrow().stream().map(StoredEvent::seq).toList();
    }

    @Test
    void aTrimLetsGoOfTheDeletedEventsOnlyAndKeepsThoseAppendedAfterThem() {
        EventTail tail = new EventTail(100, 1 << 20);
        tail.add("b", 0, 1, event("e1"), 10);
        tail.add("b", 0, 2, event("e2"), 10);
        tail.trim("b", 1);
        // Appended in the same batch as the deletion, after it: still held, still covered from where it was.
        tail.add("b", 0, 3, event("e3"), 10);

        assertThat(tail.read("b", 0, 256)).as("the deleted event: SQLite's").isEmpty();
        assertThat(seqs(tail.read("b", 1, 256))).containsExactly(2L, 3L);
        tail.trim("c", 5); // a stream without a tail: nothing to do
        assertThat(tail.read("c", 5, 256)).isEmpty();
    }

    private static Optional<CloudEvent> event(String id) {
        return Optional.of(CloudEventBuilder.v1().withId(id).withSource(URI.create("/t")).withType("t").build());
    }
}
