package dev.kumo.eventing.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kumo.common.testing.ManualClock;
import dev.kumo.eventing.TestEvents;
import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.TriggerRef;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {

    private static final BrokerRef BROKER = new BrokerRef("default", "b");
    private static final BrokerRef OTHER = new BrokerRef("default", "other");
    private static final TriggerRef TRIGGER = new TriggerRef("default", "t");
    private static final Retention KEEP_A_MINUTE = new Retention(Duration.ofMinutes(1), 1_000_000);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2025-01-01T00:00:00Z"));

    @Test
    void concurrentAppendsGetDistinctRisingNumbersAndReadBackPerBroker() throws Exception {
        try (EventLog log = open()) {
            Set<String> grown = ConcurrentHashMap.newKeySet();
            log.onAppend(grown::addAll);
            List<CompletableFuture<Long>> appends = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                appends.add(log.append(i % 2 == 0 ? BROKER : OTHER, TestEvents.event("e-" + i, "t"),
                        clock.instant()));
            }
            CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).get();

            assertThat(appends.stream().map(CompletableFuture::join).distinct()).hasSize(200);
            List<StoredEvent> page = log.read(BROKER, 0, 1000);
            assertThat(page).hasSize(100);
            assertThat(page).extracting(stored -> stored.event().getId()).startsWith("e-0", "e-2", "e-4");
            assertThat(page).extracting(StoredEvent::seq).isSorted();
            assertThat(log.read(BROKER, page.get(49).seq(), 10)).first()
                    .extracting(stored -> stored.event().getId()).isEqualTo("e-100");
            // The writer completes the callers' futures before it tells the listeners: wait for the last commit's.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(grown).containsExactlyInAnyOrder(BROKER.toString(), OTHER.toString()));
        }
    }

    @Test
    void appendsQueuedWhileTheWriterIsBusyShareOneCommit() throws Exception {
        try (EventLog log = open()) {
            CountDownLatch writerBusy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            // The listener runs on the writer thread after a commit: holding it there keeps the writer busy.
            log.onAppend(brokers -> {
                writerBusy.countDown();
                awaitLatch(release);
            });
            long before = log.commits();
            log.append(BROKER, TestEvents.event("first", "t"), clock.instant());
            assertThat(writerBusy.await(10, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Long>> appends = new CopyOnWriteArrayList<>();
            try (ExecutorService producers = Executors.newFixedThreadPool(8)) {
                for (int p = 0; p < 8; p++) {
                    int producer = p;
                    producers.submit(() -> {
                        for (int i = 0; i < 50; i++) {
                            appends.add(log.append(BROKER, TestEvents.event("e-" + producer + "-" + i, "t"),
                                    clock.instant()));
                        }
                    });
                }
            }
            release.countDown();
            CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            assertThat(appends).hasSize(400);
            assertThat(log.commits() - before).as("one commit for the first event, one for the 400 queued behind it")
                    .isEqualTo(2);
            assertThat(log.size()).isEqualTo(401);
        }
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheWriter() throws Exception {
        try (EventLog log = open()) {
            log.onAppend(brokers -> {
                throw new IllegalStateException("a broken listener");
            });
            assertThat(log.append(BROKER, TestEvents.event("first", "t"), clock.instant()).get(10, TimeUnit.SECONDS))
                    .isEqualTo(1);
            assertThat(log.append(BROKER, TestEvents.event("second", "t"), clock.instant()).get(10, TimeUnit.SECONDS))
                    .isEqualTo(2);
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aNewTriggerStartsAtTheHeadAndAKnownOneResumesAfterReopening() throws Exception {
        try (EventLog log = open()) {
            log.append(BROKER, TestEvents.event("before", "t"), clock.instant()).get();
            TriggerPosition position = log.openTrigger(TRIGGER, BROKER);
            long after = log.append(BROKER, TestEvents.event("after-1", "t"), clock.instant()).get();
            long later = log.append(BROKER, TestEvents.event("after-2", "t"), clock.instant()).get();

            assertThat(log.read(BROKER, position.lowWater(), 10)).extracting(stored -> stored.event().getId())
                    .containsExactly("after-1", "after-2");
            position.finish(later);
            log.savePosition(TRIGGER, position);
            assertThat(after).isLessThan(later);
        }
        try (EventLog log = open()) {
            TriggerPosition resumed = log.openTrigger(TRIGGER, BROKER);

            assertThat(resumed.isFinished(resumed.lowWater() + 2)).isTrue();
            assertThat(log.read(BROKER, resumed.lowWater(), 10)).extracting(stored -> stored.event().getId())
                    .containsExactly("after-1", "after-2");
        }
    }

    @Test
    void retentionDeletesOnlyOldEventsEveryTriggerHasFinished() throws Exception {
        try (EventLog log = open()) {
            TriggerPosition position = log.openTrigger(TRIGGER, BROKER);
            long first = log.append(BROKER, TestEvents.event("a", "t"), clock.instant()).get();
            long second = log.append(BROKER, TestEvents.event("b", "t"), clock.instant()).get();
            log.append(OTHER, TestEvents.event("no-trigger", "t"), clock.instant()).get();

            assertThat(log.prune().get()).as("nothing is old yet").isZero();
            clock.advance(Duration.ofMinutes(2));
            assertThat(log.prune().get()).as("only the event of the broker without triggers").isEqualTo(1);

            position.finish(first);
            log.savePosition(TRIGGER, position);
            assertThat(log.prune().get()).isEqualTo(1);
            assertThat(log.read(BROKER, 0, 10)).extracting(StoredEvent::seq).containsExactly(second);
        }
    }

    @Test
    void retentionByAgeStopsAtTheFirstYoungEvent() throws Exception {
        try (EventLog log = open()) {
            Instant start = clock.instant();
            log.append(BROKER, TestEvents.event("old", "t"), start).get();
            log.append(BROKER, TestEvents.event("young", "t"), start.plus(Duration.ofMinutes(5))).get();
            log.append(BROKER, TestEvents.event("clock-set-back", "t"), start).get();

            clock.advance(Duration.ofMinutes(2));
            assertThat(log.prune().get()).as("only the old event before the young one").isEqualTo(1);
            assertThat(log.read(BROKER, 0, 10)).extracting(stored -> stored.event().getId())
                    .containsExactly("young", "clock-set-back");

            clock.advance(Duration.ofMinutes(5));
            assertThat(log.prune().get()).as("both, once the young one is old too").isEqualTo(2);
        }
    }

    @Test
    void retentionByCountKeepsTheNewestFinishedEvents() throws Exception {
        try (EventLog log = EventLog.open(dir.resolve("events.db"), true, new Retention(Duration.ofDays(1), 3),
                clock)) {
            for (int i = 0; i < 10; i++) {
                log.append(BROKER, TestEvents.event("e-" + i, "t"), clock.instant()).get();
            }

            assertThat(log.prune().get()).isEqualTo(7);
            assertThat(log.size()).isEqualTo(3);
        }
    }

    @Test
    void sequenceNumbersNeverRepeatAfterRetentionEmptiedTheLog() throws Exception {
        long last;
        try (EventLog log = EventLog.open(dir.resolve("events.db"), true, new Retention(Duration.ZERO, 0), clock)) {
            last = log.append(BROKER, TestEvents.event("a", "t"), clock.instant()).get();
            clock.advance(Duration.ofSeconds(1));
            log.prune().get();
            assertThat(log.size()).isZero();
        }
        try (EventLog log = open()) {
            assertThat(log.append(BROKER, TestEvents.event("b", "t"), clock.instant()).get()).isGreaterThan(last);
        }
    }

    @Test
    void sequenceNumbersGoOnAfterReopeningALogWhoseAppendsLeftTheCounterBehind() throws Exception {
        try (EventLog log = open()) {
            for (int i = 0; i < 3; i++) {
                log.append(BROKER, TestEvents.event("e" + i, "t"), clock.instant()).get();
            }
        }
        try (EventLog log = open()) {
            assertThat(log.lastSeq()).as("the highest stored event's number, not meta's counter").isEqualTo(3);
            assertThat(log.append(BROKER, TestEvents.event("next", "t"), clock.instant()).get()).isEqualTo(4);
        }
    }

    @Test
    void aSecondLogOnTheSameFileIsRefused() {
        try (EventLog log = open()) {
            assertThat(log.lastSeq()).isZero();
            assertThatThrownBy(this::open).isInstanceOf(LogFailure.class).hasMessageContaining("in use");
        }
    }

    private EventLog open() {
        return EventLog.open(dir.resolve("events.db"), true, KEEP_A_MINUTE, clock);
    }
}
