package dev.kumo.eventing.log;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A prune deletes in bounded steps, one per writer batch: appends commit between them, and it ends where one whole
 * prune would.
 */
class EventLogPruneStepsTest {

    private static final BrokerRef BROKER = new BrokerRef("default", "b");
    private static final BrokerRef OTHER = new BrokerRef("default", "other");
    private static final TriggerRef TRIGGER = new TriggerRef("default", "t");
    private static final Retention KEEP_A_MINUTE = new Retention(Duration.ofMinutes(1), 1_000_000);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2025-01-01T00:00:00Z"));

    @Test
    void appendsCommitBetweenTheStepsOfALongPrune() throws Exception {
        try (EventLog log = EventLog.open(dir.resolve("events.db"), true, KEEP_A_MINUTE, clock, 10)) {
            WriterHold hold = holdAfterOldEvents(log, 100);
            long commitsBefore = log.commits();
            CompletableFuture<Integer> pruned = log.prune();
            // Each append of the chain is sent when the one before it completes, on the writer thread: it is queued
            // before the writer takes its next batch, so each batch carries one.
            List<Boolean> pruneDoneAtEachAppend = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> chain = appendChain(log, 5, pruned, pruneDoneAtEachAppend);
            hold.release();

            assertThat(pruned.get(30, TimeUnit.SECONDS)).as("the 100 old events; the held one is young").isEqualTo(100);
            chain.get(30, TimeUnit.SECONDS);
            assertThat(pruneDoneAtEachAppend).as("each append completed while the prune was still under way")
                    .containsExactly(false, false, false, false, false);
            assertThat(log.commits() - commitsBefore).as("a step of at most 10 events per commit")
                    .isGreaterThanOrEqualTo(10);
            assertThat(log.size()).isEqualTo(6);
        }
    }

    @Test
    void aPruneInStepsLeavesWhatOneWholePruneLeaves() throws Exception {
        Remains inSteps = fillAndPrune(dir.resolve("steps.db"), 7);
        Remains whole = fillAndPrune(dir.resolve("whole.db"), 1_000);

        assertThat(whole.deleted()).as("BROKER's 50 old events, OTHER's 15 finished ones").isEqualTo(65);
        assertThat(inSteps).isEqualTo(whole);
        assertThat(whole.broker()).as("the young event stops the age's reach; those after it wait for it")
                .first().isEqualTo(101L);
        assertThat(whole.other()).as("OTHER's events above its Trigger's low water stay").first().isEqualTo(32L);
    }

    @Test
    void sequenceNumbersNeverRepeatAfterAPruneInStepsEmptiedTheLog() throws Exception {
        try (EventLog log = EventLog.open(dir.resolve("events.db"), true, new Retention(Duration.ZERO, 0), clock,
                2)) {
            appendAll(log, BROKER, 5, clock.instant());
            clock.advance(Duration.ofSeconds(1));
            assertThat(log.prune().get(30, TimeUnit.SECONDS)).isEqualTo(5);
            assertThat(log.size()).isZero();
        }
        try (EventLog log = EventLog.open(dir.resolve("events.db"), true, KEEP_A_MINUTE, clock)) {
            assertThat(log.append(BROKER, TestEvents.event("next", "t"), clock.instant()).get()).isEqualTo(6);
        }
    }

    @Test
    void aPruneAskedForWhileOneIsUnderWayIsThatOne() throws Exception {
        try (EventLog log = EventLog.open(dir.resolve("events.db"), true, KEEP_A_MINUTE, clock, 10)) {
            WriterHold hold = holdAfterOldEvents(log, 30);
            CompletableFuture<Integer> first = log.prune();
            CompletableFuture<Integer> second = log.prune();
            hold.release();

            assertThat(second).as("the timer's next tick joins the prune under way").isSameAs(first);
            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(30);
            assertThat(log.prune()).as("once done, a new prune").isNotSameAs(first);
        }
    }

    /** The events each broker keeps after the prune, what it deleted, and reads through the tail from points inside. */
    private record Remains(int deleted, List<Long> broker, List<Long> other, List<Long> otherAfter40,
            List<Long> brokerAfter120) {
    }

    /**
     * 100 old events alternating between BROKER and OTHER (whose Trigger finished up to 30), 20 young ones, 10 old
     * ones stored after them (a clock set back); then one prune, each step deleting at most {@code stepRows}.
     */
    private Remains fillAndPrune(Path database, int stepRows) throws Exception {
        ManualClock own = new ManualClock(clock.instant());
        try (EventLog log = EventLog.open(database, true, KEEP_A_MINUTE, own, stepRows)) {
            log.openTrigger(TRIGGER, OTHER);
            Instant start = own.instant();
            List<CompletableFuture<Long>> appends = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                appends.add(log.append(i % 2 == 0 ? BROKER : OTHER, TestEvents.event("old-" + i, "t"), start));
            }
            for (int i = 0; i < 20; i++) {
                appends.add(log.append(BROKER, TestEvents.event("young-" + i, "t"), start.plus(Duration.ofMinutes(5))));
            }
            for (int i = 0; i < 10; i++) {
                appends.add(log.append(i % 2 == 0 ? BROKER : OTHER, TestEvents.event("late-" + i, "t"), start));
            }
            CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            log.savePosition(TRIGGER, TriggerPosition.at(30));
            own.advance(Duration.ofMinutes(2));

            int deleted = log.prune().get(30, TimeUnit.SECONDS);
            return new Remains(deleted, seqs(log, BROKER, 0), seqs(log, OTHER, 0), seqs(log, OTHER, 40),
                    seqs(log, BROKER, 120));
        }
    }

    /**
     * Appends {@code count} events, lets them grow old, then holds the writer after the commit of a young one (or of
     * the old ones' last batch, whose listener may run late): whatever is sent meanwhile waits for its next batch.
     */
    private WriterHold holdAfterOldEvents(EventLog log, int count) throws Exception {
        appendAll(log, BROKER, count, clock.instant());
        clock.advance(Duration.ofMinutes(2));
        WriterHold hold = new WriterHold(log);
        log.append(BROKER, TestEvents.event("held", "t"), clock.instant());
        hold.awaitHeld();
        return hold;
    }

    private static List<Long> seqs(EventLog log, BrokerRef broker, long after) {
        return log.read(broker, after, 1_000).stream().map(StoredEvent::seq).toList();
    }

    private static void appendAll(EventLog log, BrokerRef broker, int count, Instant arrival) throws Exception {
        List<CompletableFuture<Long>> appends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            appends.add(log.append(broker, TestEvents.event("e-" + i, "t"), arrival));
        }
        CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    }

    /** Appends {@code count} events one after the other, noting at each completion whether {@code pruned} was done. */
    private CompletableFuture<Void> appendChain(EventLog log, int count, CompletableFuture<Integer> pruned,
            List<Boolean> pruneDoneAtEachAppend) {
        if (count == 0) {
            return CompletableFuture.completedFuture(null);
        }
        return log.append(BROKER, TestEvents.event("chained-" + count, "t"), clock.instant()).thenCompose(seq -> {
            pruneDoneAtEachAppend.add(pruned.isDone());
            return appendChain(log, count - 1, pruned, pruneDoneAtEachAppend);
        });
    }

    /** Holds the writer thread in the append listener of its next commit, once, until released. */
    private static final class WriterHold {

        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicBoolean used = new AtomicBoolean();

        WriterHold(EventLog log) {
            log.onAppend(brokers -> {
                if (used.compareAndSet(false, true)) {
                    held.countDown();
                    try {
                        released.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
        }

        void awaitHeld() throws InterruptedException {
            assertThat(held.await(30, TimeUnit.SECONDS)).as("the writer reached the listener").isTrue();
        }

        void release() {
            released.countDown();
        }
    }
}
